// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/auth/Role.h"
#include "tests/support/TestDatabase.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace fsd {
class Authenticator;
class Database;
class Dispatcher;
} // namespace fsd

namespace fsd::test {

// PBKDF2 iterations for operators that tests create; the product's default makes each login
// take a noticeable fraction of a second.
constexpr int FastPasswordIterations = 10;

// A directory in a fresh ScratchDatabase (an SQLite file, or a PostgreSQL schema when the test
// runs on PostgreSQL), with the authenticator and the dispatcher holding every directory
// handler, wired as DirectoryService wires them.
class DirectoryFixture
{
public:
    DirectoryFixture();
    ~DirectoryFixture();
    DirectoryFixture(const DirectoryFixture &) = delete;
    DirectoryFixture &operator=(const DirectoryFixture &) = delete;

    // False when the database could not be opened; errorString() returns the reason.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    QString folder() const { return m_scratch.folder(); }
    // The SQLite file; empty on PostgreSQL.
    QString databasePath() const;
    Database &database() { return *m_database; }
    Authenticator &authenticator() { return *m_authenticator; }
    Dispatcher &dispatcher() { return *m_dispatcher; }

    // Runs an event as the local operator (no token), as the GUI and the command line do.
    QJsonObject call(const QString &event, const QJsonObject &data = {});
    // Runs a whole request object as the local operator.
    QJsonObject request(const QJsonObject &request);
    // Runs an event as a remote client: `token` goes into data.token.
    QJsonObject callWithToken(const QByteArray &token, const QString &event, QJsonObject data = {},
                              const QString &peer = QStringLiteral("192.0.2.10"));
    QJsonObject login(const QString &login, const QString &password,
                      const QString &peer = QStringLiteral("192.0.2.10"));
    // Adds an operator and logs it in; returns its token, or an empty one on failure.
    QByteArray addOperatorAndLogin(const QString &login, Role role);

    // The one value of a query, or an invalid QVariant when it fails or returns no row.
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    // The first row of a query, or an empty list when it fails or returns no row.
    QVariantList row(const QString &sql, const QVariantList &values = {});
    qint64 count(const QString &table, const QString &where = {}, const QVariantList &values = {});
    // Every row of every table as text, to compare before and after a rejected request.
    QString snapshot();

private:
    ScratchDatabase m_scratch;
    QString m_error;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Dispatcher> m_dispatcher;
};

// A small directory that the event tests start from, built through the events themselves:
//   domain "example.com" with parameters dial-string, jsonrpc-allowed-methods and variables
//     record_stereo, default_areacode;
//   its users "1000" (cidr, cache, number alias "alias1000", parameter vm-password, variables
//     toll_allow and accountcode, gateway "gw1") and "brian";
//   groups "sales" with member 1000, and "support";
//   gateway "gw1" with parameters username, password and variables var1 (inbound) and var1
//     (outbound), and gateway "gw2" of user 1000 with nothing in it;
//   domain "test1.example.org" with user "2000".
// Every id is kept by name in `ids`: domain, domain2, user, user2, userOther, domainParam,
// domainVar, userParam, userVar, group, group2, member, gateway, gateway2, gatewayParam,
// gatewayVar (inbound), gatewayVar2 (outbound).
struct SeededDirectory
{
    QHash<QString, qint64> ids;
    QString error;

    bool isValid() const { return error.isEmpty(); }
    qint64 id(const QString &name) const { return ids.value(name); }
    // Replaces ${name} in `text` by the id of that name; ${missing} is an id no row has.
    QString expand(QString text) const;

    static SeededDirectory seed(DirectoryFixture &fixture);
};

// Every stored row id under `key` of a list object, as numbers.
QList<qint64> idsOf(const QJsonObject &list);

} // namespace fsd::test
