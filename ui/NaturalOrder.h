// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd::ui {

// Compares names the way people sort extensions: runs of digits by their numeric value
// ("ext9" < "ext10"), letters case-insensitively, with a case-sensitive comparison and then
// leading zeros as tie-breakers so that distinct names never compare equal. Returns <0, 0, >0.
int naturalCompare(QStringView left, QStringView right);

inline bool naturalLess(QStringView left, QStringView right)
{
    return naturalCompare(left, right) < 0;
}

} // namespace fsd::ui
