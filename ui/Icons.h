// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QIcon>

// Icons of the directory items, from the desktop's icon theme when it has them and from the
// widget style otherwise, so that they also exist on the offscreen platform.
namespace fsd::ui::Icons {

QIcon domain();
QIcon user();
// A user that FreeSWITCH reports as registered (SIP or Verto).
QIcon registeredUser();
QIcon gateway();
QIcon group();
QIcon member();
// Marks an item that is disabled (kept, but not served to FreeSWITCH).
QIcon disabled();
QIcon warning();
QIcon secret();

} // namespace fsd::ui::Icons
