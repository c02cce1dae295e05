// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QLatin1String>

// Attributes fsdirector adds to the XML it writes. FreeSWITCH ignores attributes it does not
// know, so files carrying them still load.
namespace fsd::xml::names {

// On a disabled item in a `backup` export: fsdirector-enabled="false". Import restores the
// item disabled. Applies to <domain>, <group>, <user>, <gateway>, <param>, <variable> and to
// pointer <user type="pointer"> memberships.
inline constexpr QLatin1String Enabled{"fsdirector-enabled"};
// On a <user> defined inside a group whose membership (type "") is disabled while the user is
// not.
inline constexpr QLatin1String MembershipEnabled{"fsdirector-membership-enabled"};
// On the <section> and every <domain> that fsdirector serves to FreeSWITCH (mod_xml_curl), so
// that importing from a FreeSWITCH fed by this fsdirector is recognised and rejected.
inline constexpr QLatin1String Generated{"fsdirector-generated"};

} // namespace fsd::xml::names
