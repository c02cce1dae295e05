// SPDX-License-Identifier: MPL-2.0
#pragma once

namespace fsd {

class Dispatcher;

// The [Groups] events: list, members, add, rename, delete, add and remove members.
void registerGroupHandlers(Dispatcher &dispatcher);

} // namespace fsd
