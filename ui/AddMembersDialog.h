// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

#include <QList>
#include <QPair>

class QLineEdit;
class QListWidget;

namespace fsd::ui {

// Picks users of a group's domain to add to the group. The candidates are the `list` of a
// `[Groups] Get_group_users` reply minus the current members.
class AddMembersDialog : public RequestDialog
{
    Q_OBJECT

public:
    AddMembersDialog(const QString &groupName, QWidget *parent = nullptr);

    // Fills the list from a `[Groups] Get_group_users` reply for `groupId`.
    void setCandidates(qint64 groupId, const QJsonObject &reply);
    // Checks the users with these ids.
    void checkUsers(const QList<qint64> &userIds);
    QList<qint64> checkedUserIds() const;
    QListWidget *userList() const { return m_list; }
    QLineEdit *filterEdit() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace fsd::ui
