// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd {

// The few places where SQLite and PostgreSQL SQL differ. Statements elsewhere are written in
// the subset both accept (INSERT ... RETURNING, positional ? placeholders, integer booleans).
class SqlDialect
{
public:
    enum class Backend { SQLite, PostgreSQL };

    explicit SqlDialect(Backend backend = Backend::SQLite) : m_backend(backend) {}

    Backend backend() const { return m_backend; }
    // Qt's SQL driver name.
    QString driverName() const;
    // Replaces the schema placeholders %ID% (auto-increment 64-bit primary key) and %BLOB%.
    QString expandSchema(QString ddl) const;

private:
    Backend m_backend;
};

} // namespace fsd
