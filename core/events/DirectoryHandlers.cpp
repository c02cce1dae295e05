// SPDX-License-Identifier: MPL-2.0
#include "core/events/DirectoryHandlers.h"

#include "core/events/Dispatcher.h"
#include "core/events/DomainHandlers.h"
#include "core/events/GatewayHandlers.h"
#include "core/events/GroupHandlers.h"
#include "core/events/LiveStateEvents.h"
#include "core/events/UserHandlers.h"

namespace fsd {

void registerDirectoryHandlers(Dispatcher &dispatcher)
{
    registerDomainHandlers(dispatcher);
    registerUserHandlers(dispatcher);
    registerGroupHandlers(dispatcher);
    registerGatewayHandlers(dispatcher);
    LiveStateEvents::registerLiveStateHandlers(dispatcher);
}

} // namespace fsd
