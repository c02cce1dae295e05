// SPDX-License-Identifier: MPL-2.0
#include "ui/AddMembersDialog.h"

#include "ui/ApiEvents.h"
#include "ui/NaturalOrder.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>

#include <algorithm>

namespace fsd::ui {

namespace {

constexpr int UserIdRole = Qt::UserRole + 1;

} // namespace

AddMembersDialog::AddMembersDialog(const QString &groupName, QWidget *parent)
    : RequestDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Add members to %1").arg(groupName));
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Find users"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("userList"));
    form()->addRow(tr("Find:"), m_filter);
    form()->addRow(tr("Users:"), m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &AddMembersDialog::applyFilter);
    okButton()->setText(tr("Add"));
    setMinimumSize(380, 420);
}

void AddMembersDialog::setCandidates(qint64 groupId, const QJsonObject &reply)
{
    m_list->clear();
    QSet<qint64> members;
    const QJsonObject groupUsers = reply.value(QLatin1StringView("group_users")).toObject();
    const QJsonObject current = groupUsers.value(QString::number(groupId)).toObject();
    for (auto it = current.begin(); it != current.end(); ++it)
        members.insert(Events::toId(it.value().toObject().value(QLatin1StringView("user_id"))));

    QList<QPair<QString, qint64>> candidates;
    const QJsonObject lists = reply.value(QLatin1StringView("list")).toObject();
    for (auto domain = lists.begin(); domain != lists.end(); ++domain) {
        const QJsonObject users = domain.value().toObject();
        for (auto it = users.begin(); it != users.end(); ++it) {
            const qint64 userId = Events::toId(it.key());
            if (!members.contains(userId))
                candidates.append({it.value().toString(), userId});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return naturalLess(a.first, b.first);
    });
    for (const auto &[name, userId] : std::as_const(candidates)) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setData(UserIdRole, userId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (candidates.isEmpty())
        showError(tr("Every user of this domain is already a member of the group."));
    applyFilter(m_filter->text());
}

void AddMembersDialog::checkUsers(const QList<qint64> &userIds)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (userIds.contains(item->data(UserIdRole).toLongLong()))
            item->setCheckState(Qt::Checked);
    }
}

QList<qint64> AddMembersDialog::checkedUserIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(UserIdRole).toLongLong());
    }
    return ids;
}

void AddMembersDialog::applyFilter(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

} // namespace fsd::ui
