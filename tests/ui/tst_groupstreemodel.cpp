// SPDX-License-Identifier: MPL-2.0
#include "tests/ui/ModelTestHelpers.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace fsd::test;
using fsd::ui::GroupsTreeModel;

namespace {

// `[Groups] Get_groups` with the reply fields of the API.
QJsonObject groupsReply()
{
    return json(R"({
      "MessageType": "[Groups] Get_groups",
      "domains": {
        "10": {"id": 10, "enabled": false, "name": "new-domain", "sip_regs_counter": 0},
        "8": {"id": 8, "enabled": true, "name": "domain.com", "sip_regs_counter": 0},
        "9": {"id": 9, "enabled": true, "name": "test1", "sip_regs_counter": 0}
      },
      "list": {
        "8": {"10": "default", "11": "sales", "12": "billing", "13": "support"},
        "9": {"14": "default", "15": "sales", "16": "billing", "17": "support"}
      }
    })");
}

// `[Groups] Get_group_users` for group 10 with the reply fields of the API.
QJsonObject membersReply()
{
    return json(R"({
      "MessageType": "[Groups] Get_group_users",
      "list": {"8": {"104": "4000", "105": "5000", "107": "5002", "57": "1001"}},
      "group_users": {
        "10": {
          "92": {"id": 92, "enabled": true, "user_id": 104, "name": "4000", "type": "pointer"},
          "93": {"id": 93, "enabled": true, "user_id": 107, "name": "5002", "type": ""}
        }
      }
    })");
}

} // namespace

class GroupsTreeModelTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<GroupsTreeModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void groupsReplyFillsTree()
    {
        m_model->applyMessage(groupsReply());

        QCOMPARE(childNames(*m_model), QStringList({"domain.com", "new-domain", "test1"}));
        const QModelIndex domain = childNamed(*m_model, QStringLiteral("domain.com"));
        QCOMPARE(childNames(*m_model, domain),
                 QStringList({"billing", "default", "sales", "support"}));
        QCOMPARE(m_model->rowCount(childNamed(*m_model, QStringLiteral("new-domain"))), 0);
    }

    void membersLoadWhenExpanded()
    {
        QSignalSpy requested(m_model.get(), &GroupsTreeModel::membersRequested);
        m_model->applyMessage(groupsReply());
        const QModelIndex group = m_model->indexFor(GroupsTreeModel::GroupItem, 10);
        QVERIFY(m_model->hasChildren(group));
        QCOMPARE(group.data(GroupsTreeModel::MembersLoadedRole).toBool(), false);

        if (m_model->canFetchMore(group))
            m_model->fetchMore(group);
        QVERIFY(!requested.isEmpty());
        QCOMPARE(requested.first().first().toLongLong(), 10);
        QVERIFY(!m_model->canFetchMore(group));

        m_model->setGroupMembers(10, membersReply());
        QCOMPARE(childNames(*m_model, group), QStringList({"4000", "5002"}));
        QCOMPARE(m_model->index(1, GroupsTreeModel::TypeColumn, group).data().toString(),
                 QStringLiteral("defined here"));
        QCOMPARE(m_model->memberUserIds(10), QList<qint64>({104, 107}));
    }

    void failedMemberLoadCanRetry()
    {
        m_model->applyMessage(groupsReply());
        const QModelIndex group = m_model->indexFor(GroupsTreeModel::GroupItem, 11);
        m_model->fetchMore(group);
        QTest::ignoreMessage(QtWarningMsg,
                             "Loading the members of group 11 failed: \"group not found\"");
        m_model->setGroupMembers(11, json(R"({"MessageType": "[Groups] Get_group_users",
                                              "error": "group not found"})"));
        QVERIFY(m_model->canFetchMore(group));
    }

    void groupChanges()
    {
        m_model->applyMessage(groupsReply());
        m_model->applyMessage(json(R"({"MessageType": "[Groups] Add_new_group",
                                       "items": {"18": "new-group"}, "id": 8})"));
        const QModelIndex domain = m_model->indexFor(GroupsTreeModel::DomainItem, 8);
        QCOMPARE(childNames(*m_model, domain),
                 QStringList({"billing", "default", "new-group", "sales", "support"}));
        // A new group has no members to request.
        QVERIFY(!m_model->hasChildren(m_model->indexFor(GroupsTreeModel::GroupItem, 18)));

        const QPersistentModelIndex renamed = m_model->indexFor(GroupsTreeModel::GroupItem, 18);
        m_model->applyMessage(json(R"({"MessageType": "[Groups] Update_group_name",
                                       "item": {"id": 18, "name": "aaa"}, "id": 8})"));
        QCOMPARE(renamed.row(), 0);
        QCOMPARE(renamed.data().toString(), QStringLiteral("aaa"));

        m_model->applyMessage(json(R"({"MessageType": "[Groups] Del_group",
                                       "item": {"id": 18}, "id": 8})"));
        QVERIFY(!m_model->contains(GroupsTreeModel::GroupItem, 18));
    }

    void membershipChanges()
    {
        m_model->applyMessage(groupsReply());
        m_model->fetchMore(m_model->indexFor(GroupsTreeModel::GroupItem, 10));
        m_model->setGroupMembers(10, membersReply());

        m_model->applyMessage(json(R"({"MessageType": "[Groups] Add_group_user",
            "group_users": {"10": {"94": {"id": 94, "enabled": true, "user_id": 57,
                                          "name": "1001", "type": "pointer"}}}, "id": 10})"));
        const QModelIndex group = m_model->indexFor(GroupsTreeModel::GroupItem, 10);
        QCOMPARE(childNames(*m_model, group), QStringList({"1001", "4000", "5002"}));

        m_model->applyMessage(json(R"({"MessageType": "[Groups] Del_group_user",
                                       "id": 10, "affected_id": 92})"));
        QCOMPARE(childNames(*m_model, group), QStringList({"1001", "5002"}));
    }

    void membershipOfUnloadedGroupWaits()
    {
        m_model->applyMessage(groupsReply());
        m_model->applyMessage(json(R"({"MessageType": "[Groups] Add_group_user",
            "group_users": {"11": {"94": {"id": 94, "enabled": true, "user_id": 57,
                                          "name": "1001", "type": "pointer"}}}, "id": 11})"));
        QVERIFY(!m_model->contains(GroupsTreeModel::MemberItem, 94));
        QVERIFY(m_model->canFetchMore(m_model->indexFor(GroupsTreeModel::GroupItem, 11)));
    }

    void userChangesReachMembers()
    {
        m_model->applyMessage(groupsReply());
        m_model->fetchMore(m_model->indexFor(GroupsTreeModel::GroupItem, 10));
        m_model->setGroupMembers(10, membersReply());

        m_model->applyMessage(json(R"({"MessageType": "[Users] Update_user_name",
                                       "item": {"id": 104, "name": "9000"}, "id": 8})"));
        const QModelIndex group = m_model->indexFor(GroupsTreeModel::GroupItem, 10);
        QCOMPARE(childNames(*m_model, group), QStringList({"5002", "9000"}));

        m_model->applyMessage(json(R"({"MessageType": "[Users] Del_user",
                                       "item": {"id": 107}, "id": 8})"));
        QCOMPARE(childNames(*m_model, group), QStringList({"9000"}));
    }

    void deleteDomainRemovesGroups()
    {
        m_model->applyMessage(groupsReply());
        m_model->applyMessage(json(R"({"MessageType": "[Domains] Del_domain", "id": 8})"));
        QVERIFY(!m_model->contains(GroupsTreeModel::GroupItem, 10));
        QCOMPARE(m_model->rowCount(), 2);
    }

    void dropAcceptsUsersOfSameDomain()
    {
        m_model->applyMessage(groupsReply());
        QSignalSpy dropped(m_model.get(), &GroupsTreeModel::usersDropped);

        QMimeData mime;
        mime.setData(fsd::ui::DirectoryTreeModel::UsersMimeType,
                     R"({"domain": 8, "users": [56, 57]})");
        const QModelIndex sameDomain = m_model->indexFor(GroupsTreeModel::GroupItem, 11);
        const QModelIndex otherDomain = m_model->indexFor(GroupsTreeModel::GroupItem, 15);
        QVERIFY(m_model->canDropMimeData(&mime, Qt::CopyAction, -1, -1, sameDomain));
        QVERIFY(!m_model->canDropMimeData(&mime, Qt::CopyAction, -1, -1, otherDomain));
        QVERIFY(!m_model->canDropMimeData(&mime, Qt::CopyAction, -1, -1, sameDomain.parent()));

        QVERIFY(m_model->dropMimeData(&mime, Qt::CopyAction, -1, -1, sameDomain));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.first().at(0).toLongLong(), 11);
        QCOMPARE(dropped.first().at(1).value<QList<qint64>>(), QList<qint64>({56, 57}));
    }

private:
    std::unique_ptr<GroupsTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(GroupsTreeModelTest)
#include "tst_groupstreemodel.moc"
