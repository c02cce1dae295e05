// SPDX-License-Identifier: MPL-2.0
#pragma once

namespace fsd {

class Dispatcher;

// The [Gateways] events: per-user gateways with their parameters and variables.
void registerGatewayHandlers(Dispatcher &dispatcher);

} // namespace fsd
