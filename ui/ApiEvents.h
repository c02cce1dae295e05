// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

// Event names of the directory API and helpers to build requests and read replies. The names
// are fixed by the API document, typos and all, so they are spelled once here.
namespace fsd::ui::Events {

inline constexpr QLatin1StringView GetDomains("[Domains][Get] Domains");
// The state of the server's connection to FreeSWITCH, which feeds the live fields.
inline constexpr QLatin1StringView GetFreeSwitchStatus("[FreeSWITCH] Get_status");
inline constexpr QLatin1StringView AddDomain("[Domains][Add] Domain");
inline constexpr QLatin1StringView RenameDomain("[Domains] Rename_domain");
inline constexpr QLatin1StringView SwitchDomain("[Domains][Switch] Domain");
inline constexpr QLatin1StringView DeleteDomain("[Domains] Del_domain");
inline constexpr QLatin1StringView GetDomainDetails("[Domains][Get] Domain_details");
inline constexpr QLatin1StringView AddDomainParam("[Domains] New_domain_param");
inline constexpr QLatin1StringView UpdateDomainParam("[Domains] Update_domain_param");
inline constexpr QLatin1StringView SwitchDomainParam("[Domains][Switch] Domain parameter");
inline constexpr QLatin1StringView DeleteDomainParam("[Domains] Del_domain_param");
inline constexpr QLatin1StringView AddDomainVar("[Domains] New_domain_var");
inline constexpr QLatin1StringView UpdateDomainVar("[Domains] Update_domain_var");
inline constexpr QLatin1StringView SwitchDomainVar("[Domains][Switch] Domain variable");
inline constexpr QLatin1StringView DeleteDomainVar("[Domains] Del_domain_var");

inline constexpr QLatin1StringView GetUsers("[Users] Get_users");
inline constexpr QLatin1StringView GetUserDetails("[Users] Get_user_details");
inline constexpr QLatin1StringView AddUserParam("[Users] Add_user_param");
inline constexpr QLatin1StringView UpdateUserParam("[Users] Update_user_param");
inline constexpr QLatin1StringView SwitchUserParam("[Users][Switch] User parameter");
inline constexpr QLatin1StringView DeleteUserParam("[Users] Del_user_param");
inline constexpr QLatin1StringView AddUserVar("[Users] Add_user_var");
inline constexpr QLatin1StringView UpdateUserVar("[Users] Update_user_var");
inline constexpr QLatin1StringView SwitchUserVar("[Users][Switch] User variable");
inline constexpr QLatin1StringView DeleteUserVar("[Users] Del_user_var");
inline constexpr QLatin1StringView UpdateUserCache("[Users] Update_user_cache");
inline constexpr QLatin1StringView UpdateUserCidr("[Users] Update_user_cidr");
inline constexpr QLatin1StringView UpdateUserNumberAlias("[Users] Update_user_number_alias");
inline constexpr QLatin1StringView AddUser("[Users] Add_new_user");
inline constexpr QLatin1StringView RenameUser("[Users] Update_user_name");
inline constexpr QLatin1StringView SwitchUser("[Users][Switch] User");
inline constexpr QLatin1StringView DeleteUser("[Users] Del_user");
inline constexpr QLatin1StringView ImportUser("ImportXMLDomainUser");

inline constexpr QLatin1StringView GetGroups("[Groups] Get_groups");
inline constexpr QLatin1StringView GetGroupUsers("[Groups] Get_group_users");
inline constexpr QLatin1StringView AddGroup("[Groups] Add_new_group");
inline constexpr QLatin1StringView RenameGroup("[Groups] Update_group_name");
inline constexpr QLatin1StringView DeleteGroup("[Groups] Del_group");
inline constexpr QLatin1StringView AddGroupUser("[Groups] Add_group_user");
inline constexpr QLatin1StringView DeleteGroupUser("[Groups] Del_group_user");

inline constexpr QLatin1StringView GetGateways("[Gateways] Get_users_gateways");
inline constexpr QLatin1StringView AddGateway("[Gateways] Add_new_user_gateway");
inline constexpr QLatin1StringView RenameGateway("[Gateways] Update_user_gateway_name");
inline constexpr QLatin1StringView SwitchGateway("[Gateways][Switch] Gateway");
inline constexpr QLatin1StringView DeleteGateway("[Gateways] Del_user_gateway");
inline constexpr QLatin1StringView GetGatewayDetails("[Gateways] Get_user_gateways_details");
inline constexpr QLatin1StringView AddGatewayParam("[Gateways] Add_user_gateway_param");
inline constexpr QLatin1StringView UpdateGatewayParam("[Gateways] Update_user_gateway_param");
inline constexpr QLatin1StringView SwitchGatewayParam("[Gateways][Switch] Param");
inline constexpr QLatin1StringView DeleteGatewayParam("[Gateways] Del_user_gateway_param");
inline constexpr QLatin1StringView AddGatewayVar("[Gateways] Add_user_gateway_var");
inline constexpr QLatin1StringView UpdateGatewayVar("[Gateways] Update_user_gateway_var");
inline constexpr QLatin1StringView SwitchGatewayVar("[Gateways] Switch_user_gateway_var");
inline constexpr QLatin1StringView DeleteGatewayVar("[Gateways] Del_user_gateway_var");

inline constexpr QLatin1StringView ImportDomain("ImportXMLDomain");
inline constexpr QLatin1StringView ImportFromFreeSwitch("[Directory][Import]");
inline constexpr QLatin1StringView Export("[Directory] Export");
inline constexpr QLatin1StringView Login("login");
inline constexpr QLatin1StringView Logout("logout");

// `{"event": event, "data": data}`.
QJsonObject request(QLatin1StringView event, const QJsonObject &data = {});

// The reply's MessageType.
QString messageType(const QJsonObject &message);
bool isError(const QJsonObject &reply);
// The sentence to show for an error reply: its `detail` when present, otherwise its `error`.
QString errorText(const QJsonObject &reply);

// A JSON id: the API sends ids as numbers, and as strings when they are object keys.
qint64 toId(const QJsonValue &value);

} // namespace fsd::ui::Events
