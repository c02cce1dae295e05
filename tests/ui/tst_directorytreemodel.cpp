// SPDX-License-Identifier: MPL-2.0
#include "tests/ui/ModelTestHelpers.h"
#include "ui/ApiEvents.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/NaturalOrder.h"
#include "ui/UserFilterProxyModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QJsonArray>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace fsd::test;
using fsd::ui::DirectoryTreeModel;

namespace {

// `[Users] Get_users` shaped like the API document's example: three domains, users in one.
QJsonObject usersReply()
{
    return json(R"({
      "MessageType": "[Users] Get_users",
      "domains": {
        "10": {"id": 10, "enabled": false, "name": "new-domain", "sip_regs_counter": 0},
        "8": {"id": 8, "enabled": true, "name": "domain.com", "sip_regs_counter": 0},
        "9": {"id": 9, "enabled": true, "name": "test1", "sip_regs_counter": 0}
      },
      "directory_users": {
        "8": {
          "56": {"id": 56, "enabled": true, "name": "1000", "cache": 5000, "cidr": "",
                 "call_date": 0, "in_call": false, "talking": false, "last_uuid": "",
                 "call_direction": "", "sip_register": false, "verto_register": false,
                 "cc_agent": 230},
          "57": {"id": 57, "enabled": true, "name": "1001", "cache": 5000, "cidr": "",
                 "call_date": 0, "in_call": false, "talking": false, "last_uuid": "",
                 "call_direction": "", "sip_register": false, "verto_register": false},
          "58": {"id": 58, "enabled": true, "name": "1002", "cache": 5000, "cidr": "",
                 "call_date": 0, "in_call": false, "talking": false, "last_uuid": "",
                 "call_direction": "", "sip_register": false, "verto_register": false},
          "59": {"id": 59, "enabled": true, "name": "brian", "cache": 5000, "cidr": "",
                 "number_alias": "7001", "call_date": 0, "in_call": false, "talking": false,
                 "last_uuid": "", "call_direction": "", "sip_register": false,
                 "verto_register": false}
        }
      }
    })");
}

QJsonObject gatewaysReply()
{
    return json(R"({
      "MessageType": "[Gateways] Get_users_gateways",
      "domains": {
        "10": {"id": 10, "enabled": false, "name": "new-domain", "sip_regs_counter": 0},
        "8": {"id": 8, "enabled": true, "name": "domain.com", "sip_regs_counter": 0},
        "9": {"id": 9, "enabled": true, "name": "test1", "sip_regs_counter": 0}
      },
      "directory_users": {
        "8": {
          "59": {"id": 59, "enabled": true, "name": "brian", "cache": 5000, "cidr": "",
                 "call_date": 0, "in_call": false, "talking": false, "last_uuid": "",
                 "call_direction": "", "sip_register": false, "verto_register": false}
        }
      },
      "user_gateways": {
        "8": {"59": {"4": {"id": 4, "enabled": true, "name": "example.com"},
                     "5": {"id": 5, "enabled": false, "name": "backup"}}}
      }
    })");
}

// A `[Users] Get_users` reply with `count` users named prefix0..prefix<count-1> in domain 1.
QJsonObject manyUsersReply(int count, const QString &prefix = QStringLiteral("u"))
{
    QJsonObject users;
    for (int i = 0; i < count; ++i)
        users.insert(QString::number(100 + i), userJson(100 + i, prefix + QString::number(i)));
    return QJsonObject{
        {QStringLiteral("MessageType"), QStringLiteral("[Users] Get_users")},
        {QStringLiteral("domains"),
         QJsonObject{{QStringLiteral("1"), domainJson(1, QStringLiteral("big.example"))}}},
        {QStringLiteral("directory_users"), QJsonObject{{QStringLiteral("1"), users}}}};
}

QJsonObject itemReply(QLatin1StringView event, const QJsonObject &item, qint64 ownerId)
{
    return QJsonObject{{QStringLiteral("MessageType"), QString(event)},
                       {QStringLiteral("item"), item},
                       {QStringLiteral("id"), ownerId}};
}

} // namespace

class DirectoryTreeModelTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<DirectoryTreeModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void naturalOrder_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::newRow("shorter number first") << "ext9" << "ext10";
        QTest::newRow("case-insensitive letters") << "alice" << "Bob";
        QTest::newRow("leading zeros after plain") << "ext7" << "ext007";
        QTest::newRow("digits before letters") << "1000" << "brian";
        QTest::newRow("prefix first") << "ext" << "ext1";
        QTest::newRow("upper before lower on tie") << "Ext1" << "ext1";
    }

    void naturalOrder()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QVERIFY(fsd::ui::naturalCompare(left, right) < 0);
        QVERIFY(fsd::ui::naturalCompare(right, left) > 0);
        QCOMPARE(fsd::ui::naturalCompare(left, left), 0);
    }

    void usersReplyFillsTree()
    {
        m_model->applyMessage(usersReply());

        QCOMPARE(childNames(*m_model), QStringList({"domain.com", "new-domain", "test1"}));
        const QModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));
        QCOMPARE(childNames(*m_model, domain), QStringList({"1000", "1001", "1002", "brian"}));
        QCOMPARE(domain.siblingAtColumn(DirectoryTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("4 user(s)"));

        const QModelIndex brian = childNamed(*m_model, QStringLiteral("brian"), domain);
        QCOMPARE(brian.siblingAtColumn(DirectoryTreeModel::NumberAliasColumn).data().toString(),
                 QStringLiteral("7001"));
        QCOMPARE(brian.data(DirectoryTreeModel::IdRole).toLongLong(), 59);
        QCOMPARE(brian.data(DirectoryTreeModel::ParentIdRole).toLongLong(), 8);
        QCOMPARE(brian.siblingAtColumn(DirectoryTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("not registered"));
    }

    void disabledDomainIsGreyed()
    {
        m_model->applyMessage(usersReply());

        const QModelIndex disabled = childNamed(*m_model, QStringLiteral("new-domain"));
        QCOMPARE(disabled.data(DirectoryTreeModel::EnabledRole).toBool(), false);
        QVERIFY(disabled.data(Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(!disabled.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex enabled = childNamed(*m_model, QStringLiteral("domain.com"));
        QVERIFY(!enabled.data(Qt::ForegroundRole).isValid());
    }

    void largeDomainLoadsLazily()
    {
        m_model->setFetchBatchSize(100);
        m_model->applyMessage(manyUsersReply(1050));

        const QModelIndex domain = m_model->index(0, 0);
        QCOMPARE(domain.data(DirectoryTreeModel::ChildCountRole).toInt(), 1050);
        // The model tester fetches once more on its own, so only the batch size is fixed.
        QVERIFY(m_model->rowCount(domain) < 1050);
        QCOMPARE(m_model->rowCount(domain) % 100, 0);
        QVERIFY(m_model->canFetchMore(domain));

        while (m_model->canFetchMore(domain)) {
            const int before = m_model->rowCount(domain);
            m_model->fetchMore(domain);
            QVERIFY(m_model->rowCount(domain) > before);
        }
        QCOMPARE(m_model->rowCount(domain), 1050);
        QCOMPARE(m_model->index(0, 0, domain).data().toString(), QStringLiteral("u0"));
        QCOMPARE(m_model->index(1049, 0, domain).data().toString(), QStringLiteral("u1049"));
    }

    void userAddedBeyondFetchedRowsStaysHidden()
    {
        m_model->setFetchBatchSize(10);
        m_model->applyMessage(manyUsersReply(50));
        const QModelIndex domain = m_model->index(0, 0);
        const int fetched = m_model->rowCount(domain);
        QVERIFY(fetched < 50);

        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->applyMessage(QJsonObject{
            {QStringLiteral("MessageType"), QStringLiteral("[Users] Add_new_user")},
            {QStringLiteral("directory_users"),
             QJsonObject{{QStringLiteral("1"),
                          QJsonObject{{QStringLiteral("900"), userJson(900, "u99")},
                                      {QStringLiteral("901"), userJson(901, "u0a")}}}}}});

        QCOMPARE(domain.data(DirectoryTreeModel::ChildCountRole).toInt(), 52);
        // "u0a" sorts among the exposed rows, "u99" after them.
        QCOMPARE(m_model->rowCount(domain), fetched + 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->index(1, 0, domain).data().toString(), QStringLiteral("u0a"));
        QVERIFY(m_model->indexFor(DirectoryTreeModel::UserItem, 900).isValid());
        QCOMPARE(m_model->indexFor(DirectoryTreeModel::UserItem, 900).data().toString(),
                 QStringLiteral("u99"));
    }

    void bulkAddInsertsInOrder()
    {
        m_model->applyMessage(usersReply());
        QJsonObject users;
        for (int i = 0; i < 10; ++i)
            users.insert(QString::number(105 + i), userJson(105 + i, QString::number(5000 + i)));
        m_model->applyMessage(QJsonObject{
            {QStringLiteral("MessageType"), QStringLiteral("[Users] Add_new_user")},
            {QStringLiteral("directory_users"), QJsonObject{{QStringLiteral("8"), users}}},
            {QStringLiteral("total"), 10}});

        const QModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));
        const QStringList names = childNames(*m_model, domain);
        QCOMPARE(names.size(), 14);
        QCOMPARE(names.first(), QStringLiteral("1000"));
        QCOMPARE(names.at(3), QStringLiteral("5000"));
        QCOMPARE(names.at(12), QStringLiteral("5009"));
        QCOMPARE(names.last(), QStringLiteral("brian"));
    }

    void renameKeepsPersistentIndex()
    {
        m_model->applyMessage(usersReply());
        const QModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));
        const QPersistentModelIndex user = childNamed(*m_model, QStringLiteral("1000"), domain);

        m_model->applyMessage(
            itemReply(fsd::ui::Events::RenameUser,
                      QJsonObject{{QStringLiteral("id"), 56}, {QStringLiteral("name"), "1500"}},
                      8));

        QVERIFY(user.isValid());
        QCOMPARE(user.data().toString(), QStringLiteral("1500"));
        QCOMPARE(user.row(), 2);
        QCOMPARE(childNames(*m_model, domain), QStringList({"1001", "1002", "1500", "brian"}));
    }

    void renameDomainMovesIt()
    {
        m_model->applyMessage(usersReply());
        const QPersistentModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));

        m_model->applyMessage(json(R"({"MessageType": "[Domains] Rename_domain",
            "domains": {"8": {"id": 8, "enabled": true, "name": "zz.example",
                              "sip_regs_counter": 0}}})"));

        QCOMPARE(childNames(*m_model), QStringList({"new-domain", "test1", "zz.example"}));
        QCOMPARE(domain.row(), 2);
        QCOMPARE(m_model->rowCount(domain), 4);
    }

    void switchUserDisablesIt()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(itemReply(
            fsd::ui::Events::SwitchUser,
            QJsonObject{{QStringLiteral("id"), 57}, {QStringLiteral("enabled"), false}}, 8));

        const QModelIndex user = m_model->indexFor(DirectoryTreeModel::UserItem, 57);
        QCOMPARE(user.data(DirectoryTreeModel::EnabledRole).toBool(), false);
        QVERIFY(user.data(Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(user.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Disabled")));
    }

    void numberAliasUpdate()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(
            itemReply(fsd::ui::Events::UpdateUserNumberAlias,
                      QJsonObject{{QStringLiteral("id"), 56}, {QStringLiteral("value"), "600"}},
                      0));

        const QModelIndex user = m_model->indexFor(DirectoryTreeModel::UserItem, 56,
                                                   DirectoryTreeModel::NumberAliasColumn);
        QCOMPARE(user.data().toString(), QStringLiteral("600"));
    }

    void deleteUserAndDomain()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(
            itemReply(fsd::ui::Events::DeleteUser, QJsonObject{{QStringLiteral("id"), 58}}, 8));
        QVERIFY(!m_model->contains(DirectoryTreeModel::UserItem, 58));
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::DomainItem, 8).childCount, 3);

        m_model->applyMessage(json(R"({"MessageType": "[Domains] Del_domain", "id": 8})"));
        QCOMPARE(childNames(*m_model), QStringList({"new-domain", "test1"}));
        QVERIFY(!m_model->contains(DirectoryTreeModel::UserItem, 56));
    }

    void errorRepliesAreIgnored()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(json(R"({"MessageType": "[Domains] Del_domain", "id": 8,
                                       "error": "domain not found"})"));
        QCOMPARE(m_model->rowCount(), 3);
    }

    void gatewaysReplyAddsGateways()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(gatewaysReply());

        const QModelIndex brian = m_model->indexFor(DirectoryTreeModel::UserItem, 59);
        QVERIFY(m_model->canFetchMore(brian) || m_model->rowCount(brian) == 2);
        m_model->fetchMore(brian);
        QCOMPARE(childNames(*m_model, brian), QStringList({"backup", "example.com"}));
        QCOMPARE(m_model->index(0, 0, brian).data(DirectoryTreeModel::EnabledRole).toBool(),
                 false);
        // The users the gateways reply lists do not replace the others.
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::DomainItem, 8).childCount, 4);
    }

    void gatewayChanges()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(gatewaysReply());

        m_model->applyMessage(json(R"({"MessageType": "[Gateways] Add_new_user_gateway",
            "item": {"id": 6, "name": "new"}, "id": 8, "affected_id": 57})"));
        QModelIndex gateway = m_model->indexFor(DirectoryTreeModel::GatewayItem, 6);
        QVERIFY(gateway.isValid());
        QCOMPARE(gateway.parent().data().toString(), QStringLiteral("1001"));

        m_model->applyMessage(json(R"({"MessageType": "[Gateways] Update_user_gateway_name",
            "item": {"id": 6, "name": "new2"}, "id": 8, "affected_id": 57})"));
        QCOMPARE(m_model->indexFor(DirectoryTreeModel::GatewayItem, 6).data().toString(),
                 QStringLiteral("new2"));

        m_model->applyMessage(json(R"({"MessageType": "[Gateways][Switch] Gateway",
            "item": {"id": 6, "name": "new2", "enabled": false}, "id": 8, "affected_id": 57})"));
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::GatewayItem, 6).enabled, false);

        m_model->applyMessage(json(R"({"MessageType": "[Gateways] Del_user_gateway",
            "item": {"id": 6}, "id": 8, "affected_id": 57})"));
        QVERIFY(!m_model->contains(DirectoryTreeModel::GatewayItem, 6));
    }

    void liveRegistrationUpdate()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(json(R"({"MessageType": "[Users] Get_users", "partial": true,
            "directory_users": {"8": {"56": {"id": 56, "sip_register": true,
                                             "in_call": true, "call_direction": "inbound"}}}})"));

        const QModelIndex status = m_model->indexFor(DirectoryTreeModel::UserItem, 56,
                                                     DirectoryTreeModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("SIP registered, in call, inbound"));
        // A partial message leaves the other users alone.
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::DomainItem, 8).childCount, 4);
    }

    void completeReloadKeepsSurvivors()
    {
        m_model->applyMessage(usersReply());
        const QPersistentModelIndex kept = m_model->indexFor(DirectoryTreeModel::UserItem, 58);

        QJsonObject reload = usersReply();
        QJsonObject directoryUsers = reload.value(QStringLiteral("directory_users")).toObject();
        QJsonObject users = directoryUsers.value(QStringLiteral("8")).toObject();
        users.remove(QStringLiteral("56"));
        users.insert(QStringLiteral("70"), userJson(70, QStringLiteral("1003")));
        directoryUsers.insert(QStringLiteral("8"), users);
        directoryUsers.insert(QStringLiteral("9"),
                              QJsonObject{{QStringLiteral("80"), userJson(80, "2000")}});
        reload.insert(QStringLiteral("directory_users"), directoryUsers);
        m_model->applyMessage(reload);

        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), QStringLiteral("1002"));
        const QModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));
        QCOMPARE(childNames(*m_model, domain), QStringList({"1001", "1002", "1003", "brian"}));
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::DomainItem, 9).childCount, 1);
    }

    void importReplyResyncsDomains()
    {
        m_model->applyMessage(usersReply());
        m_model->applyMessage(json(R"({"MessageType": "ImportXMLDomain", "domains": {
            "8": {"id": 8, "enabled": true, "name": "domain.com", "sip_regs_counter": 0},
            "11": {"id": 11, "enabled": true, "name": "newDomain", "sip_regs_counter": 0}}})"));

        QCOMPARE(childNames(*m_model), QStringList({"domain.com", "newDomain"}));
        QCOMPARE(m_model->itemInfo(DirectoryTreeModel::DomainItem, 8).childCount, 4);
    }

    void filterFindsUsersAcrossDomains()
    {
        m_model->setFetchBatchSize(5);
        QJsonObject reply = manyUsersReply(40);
        QJsonObject domains = reply.value(QStringLiteral("domains")).toObject();
        domains.insert(QStringLiteral("2"), domainJson(2, QStringLiteral("other.example")));
        reply.insert(QStringLiteral("domains"), domains);
        QJsonObject directoryUsers = reply.value(QStringLiteral("directory_users")).toObject();
        directoryUsers.insert(
            QStringLiteral("2"),
            QJsonObject{{QStringLiteral("500"), userJson(500, "bob", true, "u37")},
                        {QStringLiteral("501"), userJson(501, "carol")}});
        reply.insert(QStringLiteral("directory_users"), directoryUsers);
        m_model->applyMessage(reply);

        fsd::ui::UserFilterProxyModel proxy;
        proxy.setDirectoryModel(m_model.get());
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterText(QStringLiteral("U37"));

        QCOMPARE(childNames(proxy), QStringList({"big.example", "other.example"}));
        // u37 lies beyond the first fetched batch of five, yet the filter finds it.
        QCOMPARE(childNames(proxy, proxy.index(0, 0)), QStringList({"u37"}));
        // bob matches by number alias.
        QCOMPARE(childNames(proxy, proxy.index(1, 0)), QStringList({"bob"}));

        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(proxy.index(1, 0)), 2);
    }

    void dragCarriesUsersOfOneDomain()
    {
        m_model->applyMessage(usersReply());
        const QModelIndexList indexes{m_model->indexFor(DirectoryTreeModel::UserItem, 56),
                                      m_model->indexFor(DirectoryTreeModel::UserItem, 57),
                                      m_model->indexFor(DirectoryTreeModel::DomainItem, 9)};
        std::unique_ptr<QMimeData> mime(m_model->mimeData(indexes));
        QVERIFY(mime);
        const QJsonObject payload =
            QJsonDocument::fromJson(mime->data(DirectoryTreeModel::UsersMimeType)).object();
        QCOMPARE(payload.value(QStringLiteral("domain")).toInteger(), 8);
        QCOMPARE(payload.value(QStringLiteral("users")).toArray(), QJsonArray({56, 57}));
    }

private:
    std::unique_ptr<DirectoryTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(DirectoryTreeModelTest)
#include "tst_directorytreemodel.moc"
