// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"

#include <QString>

namespace fsd::xml {

// A text form of the directory for comparing two of them, ignoring ids and source locations:
// every field, the order of parameters, variables, groups and memberships, enabled flags,
// directions, membership types, kept unmodelled XML and the `cacheable` text. Domains and
// users are sorted by name (case-folded), because their order depends on where the users sit
// in the XML, not on the directory's content.
class CanonicalDump
{
public:
    static QString dump(const model::DirectoryTree &tree);
    // The tree as a `freeswitch` export leaves it: disabled items removed, with everything under
    // them, and memberships of removed users or groups.
    static model::DirectoryTree withoutDisabled(const model::DirectoryTree &tree);
};

} // namespace fsd::xml
