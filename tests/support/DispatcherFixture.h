// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/auth/Authenticator.h"
#include "core/events/DirectoryHandlers.h"
#include "core/events/Dispatcher.h"
#include "core/events/ImportHandlers.h"
#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace fsd::test {

// A dispatcher with every directory handler and the import handlers on a fresh SQLite file,
// running requests as the local operator (admin, no token).
class DispatcherFixture
{
public:
    explicit DispatcherFixture(freeswitch::EventSocketSettings eventSocket = {})
    {
        static int count = 0;
        DatabaseOptions options;
        options.path = m_dir.filePath(QStringLiteral("directory.sqlite"));
        auto database = Database::open(options, QStringLiteral("dispatcher-fixture-%1").arg(++count));
        if (!database)
            qFatal("cannot open the test database: %s", qPrintable(database.error().detail));
        m_database = std::move(*database);
        m_authenticator = std::make_unique<Authenticator>(*m_database);
        m_dispatcher = std::make_unique<Dispatcher>(*m_database, *m_authenticator);
        registerDirectoryHandlers(*m_dispatcher);
        registerImportHandlers(*m_dispatcher, [eventSocket]() { return eventSocket; });
    }

    QJsonObject send(const QString &event, const QJsonObject &data)
    {
        RequestContext context;
        context.local = true;
        return m_dispatcher
            ->dispatch(QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}},
                       context)
            .reply;
    }

    Database &database() { return *m_database; }
    Dispatcher &dispatcher() { return *m_dispatcher; }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Dispatcher> m_dispatcher;
};

// The reply as compact JSON, for failure messages.
inline QByteArray compact(const QJsonObject &reply)
{
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

} // namespace fsd::test
