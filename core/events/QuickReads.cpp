// SPDX-License-Identifier: MPL-2.0
#include "core/events/QuickReads.h"

#include "core/events/DirectoryHandlers.h"
#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"

#include <QAtomicInteger>

namespace fsd {

QuickReads::~QuickReads()
{
    // The dispatcher's handlers use the connection, so it goes first.
    m_dispatcher.reset();
    m_database.reset();
}

Result<std::unique_ptr<QuickReads>> QuickReads::open(const DatabaseOptions &options,
                                                     Authenticator &authenticator)
{
    // Connection names must be unique in the process, and a restarted server opens its new
    // connection before the old one is gone.
    static QAtomicInteger<int> opened;
    DatabaseOptions readOptions = options;
    readOptions.readOnly = true;
    auto database = Database::open(
        readOptions, QStringLiteral("fsdirector-quick-reads-%1").arg(opened.fetchAndAddRelaxed(1)));
    if (!database)
        return database.error();

    std::unique_ptr<QuickReads> reads(new QuickReads);
    reads->m_database = std::move(*database);
    reads->m_dispatcher = std::make_unique<Dispatcher>(*reads->m_database, authenticator);
    registerDirectoryHandlers(*reads->m_dispatcher);
    return reads;
}

std::optional<DispatchOutcome> QuickReads::tryDispatch(const QJsonObject &request,
                                                       const RequestContext &context)
{
    return m_dispatcher->dispatchQuickRead(request, context);
}

} // namespace fsd
