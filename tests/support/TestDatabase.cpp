// SPDX-License-Identifier: MPL-2.0
#include "tests/support/TestDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace fsd::test {

namespace {

// Runs `sql` on a short-lived connection of its own to the configured server.
QString runOnServer(const DatabaseOptions &server, const QString &sql)
{
    const QString name = QStringLiteral("scratch-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setDatabaseName(server.databaseName);
        db.setUserName(server.userName);
        db.setPassword(server.password);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            // Without this, DROP SCHEMA ... CASCADE prints a NOTICE per table on standard error.
            if (!query.exec(QStringLiteral("SET client_min_messages = warning")) || !query.exec(sql))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

bool onPostgres()
{
    return qEnvironmentVariable("FSD_TEST_BACKEND").compare(QLatin1String("postgresql"),
                                                            Qt::CaseInsensitive)
           == 0;
}

Result<DatabaseOptions> ScratchDatabase::postgresServer()
{
    const QString connection = qEnvironmentVariable("FSD_TEST_POSTGRES");
    if (connection.trimmed().isEmpty()) {
        return ApiError::make(QStringLiteral("no PostgreSQL"),
                              QStringLiteral("FSD_TEST_POSTGRES is not set. Set it to the test "
                                             "server, e.g. \"host=127.0.0.1 port=5432 "
                                             "user=fsd_test password=fsd_test dbname=fsd_test\"."));
    }
    DatabaseOptions options;
    options.backend = SqlDialect::Backend::PostgreSQL;
    for (const QString &pair : connection.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString key = pair.left(equals);
        const QString value = pair.mid(equals + 1);
        if (equals <= 0) {
            return ApiError::make(QStringLiteral("no PostgreSQL"),
                                  QStringLiteral("Invalid FSD_TEST_POSTGRES entry \"%1\": "
                                                 "expected key=value.").arg(pair));
        }
        if (key == QLatin1String("host"))
            options.host = value;
        else if (key == QLatin1String("port"))
            options.port = value.toInt();
        else if (key == QLatin1String("user"))
            options.userName = value;
        else if (key == QLatin1String("password"))
            options.password = value;
        else if (key == QLatin1String("dbname"))
            options.databaseName = value;
        else
            return ApiError::make(QStringLiteral("no PostgreSQL"),
                                  QStringLiteral("Unknown FSD_TEST_POSTGRES key \"%1\": use host, "
                                                 "port, user, password and dbname.").arg(key));
    }
    return options;
}

ScratchDatabase::ScratchDatabase()
{
    if (!m_folder.isValid()) {
        m_error = QStringLiteral("Cannot create a temporary folder: %1").arg(m_folder.errorString());
        return;
    }
    if (!onPostgres()) {
        m_options.path = m_folder.filePath(QStringLiteral("directory.sqlite"));
        return;
    }

    auto server = postgresServer();
    if (!server) {
        m_error = server.error().detail;
        return;
    }
    m_options = *server;
    m_options.schema = QStringLiteral("fsd_test_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString error = runOnServer(m_options, QStringLiteral("CREATE SCHEMA %1").arg(m_options.schema));
    if (!error.isEmpty()) {
        m_error = QStringLiteral("Cannot create the scratch schema %1 in the PostgreSQL database "
                                 "%2 (FSD_TEST_POSTGRES): %3")
                      .arg(m_options.schema, m_options.databaseName, error);
        m_options.schema.clear();
    }
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_options.backend != SqlDialect::Backend::PostgreSQL || m_options.schema.isEmpty())
        return;
    const QString error =
        runOnServer(m_options, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(m_options.schema));
    if (!error.isEmpty())
        qWarning().noquote() << "Cannot drop the scratch schema" << m_options.schema << ":" << error;
}

} // namespace fsd::test
