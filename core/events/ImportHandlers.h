// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/EventSocketClient.h"

#include <functional>

namespace fsd {

class Dispatcher;

// Registers ImportXMLDomain, ImportXMLDomainUser, [Directory][Import] and [Directory] Export,
// replacing any handlers registered for them before. `configuredEventSocket` returns the
// Event Socket of the settings, which [Directory][Import] uses unless the request gives
// `host`, `port` or `password`. ImportXMLDomain and ImportXMLDomainUser take an optional
// `dry_run` boolean: when true they run the whole import, roll it back, and reply with the
// stored lists and the report, changing and pushing nothing.
void registerImportHandlers(
    Dispatcher &dispatcher,
    std::function<freeswitch::EventSocketSettings()> configuredEventSocket);

} // namespace fsd
