// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/storage/Database.h"

#include <QString>
#include <QTemporaryDir>

namespace fsd::test {

// The storage backend of this test run. CTest runs the storage, events, XML import and
// mod_xml_curl tests twice: as they are on SQLite, and with FSD_TEST_BACKEND=postgresql on the
// PostgreSQL server that FSD_TEST_POSTGRES names as a libpq key=value string, for example
//   host=127.0.0.1 port=5432 user=fsd_test password=fsd_test dbname=fsd_test
bool onPostgres();

// A database of its own for one test: a file in a temporary folder on SQLite, or a schema
// (fsd_test_<random>) in the configured PostgreSQL database. On PostgreSQL the schema already
// has the current tables, and the destructor empties it for the next ScratchDatabase of the
// process, or drops it when the test changed its tables. The process drops its schemas when
// QCoreApplication ends, so a crashed test leaves its fsd_test_ schemas behind. Destroy every
// connection to the database first.
class ScratchDatabase
{
public:
    ScratchDatabase();
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    // False when the folder or the schema could not be created; errorString() returns why.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // Options for Database::open. On SQLite the file is `directory.sqlite` in folder().
    DatabaseOptions options() const { return m_options; }
    // A temporary folder for the test's other files, on both backends.
    QString folder() const { return m_folder.path(); }

    // The server from FSD_TEST_POSTGRES, without a schema; an error when it is unset or invalid.
    static Result<DatabaseOptions> postgresServer();

private:
    QTemporaryDir m_folder;
    DatabaseOptions m_options;
    QString m_error;
};

} // namespace fsd::test
