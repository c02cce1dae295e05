// SPDX-License-Identifier: MPL-2.0
#pragma once

namespace fsd {

class Dispatcher;

// Registers the domain, user, group and gateway events of the API on `dispatcher`. The import
// and export events are registered by registerImportHandlers().
void registerDirectoryHandlers(Dispatcher &dispatcher);

} // namespace fsd
