// SPDX-License-Identifier: MPL-2.0
#pragma once

namespace fsd {

class Dispatcher;

// Registers every directory event of the API on `dispatcher`. The import and export events
// return `not implemented yet` until their handlers are registered over these.
void registerDirectoryHandlers(Dispatcher &dispatcher);

} // namespace fsd
