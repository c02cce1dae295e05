// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>
#include <QtGlobal>

namespace fsd {

// One result row of Database::forEachRow(), read by column index. NULL reads as 0 and as a
// null QString, as QVariant converts it.
class SqlRow
{
public:
    virtual ~SqlRow() = default;

    virtual qint64 integer(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual bool isNull(int column) const = 0;
};

} // namespace fsd
