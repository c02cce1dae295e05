// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>
#include <optional>

namespace fsd {

// Operator roles. Viewers run Get events only and see secrets masked, operators run every
// directory event, and admins also import from a live FreeSWITCH and manage operators.
enum class Role { Viewer, Operator, Admin };

inline QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return QStringLiteral("viewer");
    case Role::Operator: return QStringLiteral("operator");
    case Role::Admin: return QStringLiteral("admin");
    }
    return {};
}

inline std::optional<Role> roleFromName(const QString &name)
{
    if (name == QLatin1String("viewer"))
        return Role::Viewer;
    if (name == QLatin1String("operator"))
        return Role::Operator;
    if (name == QLatin1String("admin"))
        return Role::Admin;
    return std::nullopt;
}

} // namespace fsd
