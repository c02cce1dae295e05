// SPDX-License-Identifier: MPL-2.0
#include "core/events/DirectoryHandlers.h"

#include "core/common/Result.h"
#include "core/events/Dispatcher.h"
#include "core/events/DomainHandlers.h"
#include "core/events/EventRequest.h"
#include "core/events/GatewayHandlers.h"
#include "core/events/GroupHandlers.h"
#include "core/events/UserHandlers.h"

namespace fsd {

void registerDirectoryHandlers(Dispatcher &dispatcher)
{
    registerDomainHandlers(dispatcher);
    registerUserHandlers(dispatcher);
    registerGroupHandlers(dispatcher);
    registerGatewayHandlers(dispatcher);

    const auto notImplemented = [](const EventRequest &) -> Result<QJsonObject> {
        return ApiError::make(QStringLiteral("not implemented yet"));
    };
    using Access = Dispatcher::Access;
    dispatcher.registerHandler(QStringLiteral("ImportXMLDomain"), Access::Change, notImplemented, true);
    dispatcher.registerHandler(QStringLiteral("ImportXMLDomainUser"), Access::Change, notImplemented, true);
    dispatcher.registerHandler(QStringLiteral("[Directory][Import]"), Access::Admin, notImplemented, true);
    dispatcher.registerHandler(QStringLiteral("[Directory] Export"), Access::Read, notImplemented, false);
}

} // namespace fsd
