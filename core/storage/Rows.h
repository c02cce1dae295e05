// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>
#include <QtGlobal>

// Rows of the directory tables as the store classes return them.
namespace fsd {

struct DomainRow
{
    qint64 id = 0;
    QString name;
    bool enabled = true;
};

struct UserRow
{
    qint64 id = 0;
    qint64 domainId = 0;
    QString name;
    QString numberAlias;
    QString cidr;
    qint64 cache = 0;
    // The cacheable attribute as text; null when the user has none.
    QString cacheable;
    bool enabled = true;
};

struct GroupRow
{
    qint64 id = 0;
    qint64 domainId = 0;
    QString name;
    bool enabled = true;
};

struct MemberRow
{
    qint64 id = 0;
    qint64 groupId = 0;
    qint64 userId = 0;
    QString userName;
    QString type;
    bool enabled = true;
};

struct GatewayRow
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 domainId = 0;
    QString name;
    bool enabled = true;
};

// A parameter or variable of a domain, user, group or gateway. `direction` is used by gateway
// variables only.
struct AttributeRow
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString name;
    QString value;
    QString direction;
    bool enabled = true;
};

struct OperatorRow
{
    qint64 id = 0;
    QString login;
    QString role;
    QString passwordHash;
};

} // namespace fsd
