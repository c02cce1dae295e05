// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/AttributeTableModel.h"
#include "ui/UserSettingsForm.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QWidget>

class QLabel;

namespace fsd::ui {

class AttributeEditor;
class DirectoryClient;

// The right-hand side of the window, with the details of the item selected in a tree. For
// domains, users and gateways it loads their parameters and variables and turns the
// operator's edits into API events. Groups show theirs read-only, because the API has no
// events that change them. With nothing selected it shows only a hint. Replies and pushed
// changes reach it through applyMessage().
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    enum class ItemKind { None, Domain, User, Gateway, Group, Member };
    Q_ENUM(ItemKind)

    explicit DetailPane(DirectoryClient *client, QWidget *parent = nullptr);

    // Shows `kind`/`id` under `title` and requests its details.
    void showItem(ItemKind kind, qint64 id, const QString &title, const QString &summary = {});
    void clearItem();
    ItemKind itemKind() const { return m_kind; }
    qint64 itemId() const { return m_id; }

    AttributeEditor *parameterEditor() const { return m_parameters; }
    AttributeEditor *variableEditor() const { return m_activeVariables; }
    QLabel *groupNote() const { return m_groupNote; }
    UserSettingsForm *userForm() const { return m_userForm; }

    void applyMessage(const QJsonObject &message);
    // For operators with the viewer role: everything is shown, nothing can be edited.
    void setReadOnly(bool readOnly);

signals:
    // The details of the shown item arrived (or changed), for tests and the status bar.
    void detailsLoaded();

private:
    // The events that change one kind of attribute of one kind of owner.
    struct AttributeEvents
    {
        QLatin1StringView add;
        QLatin1StringView update;
        QLatin1StringView toggle;
        QLatin1StringView remove;
    };

    bool hasAttributes() const;
    void updateEditors();
    void requestDetails();
    void applyDetails(const QJsonObject &details, bool complete);
    bool applyRemoval(const QString &type, const QJsonObject &message);
    void applyItemUpdate(const QString &type, const QJsonObject &message);
    void afterParametersChanged();

    AttributeEvents eventsFor(bool variables) const;
    void sendAdd(bool variables, const QString &name, const QString &value,
                 const QString &direction);
    void sendEdit(bool variables, qint64 id, const AttributeTableModel::Row &edited);
    void sendRemove(bool variables, const QList<qint64> &ids);
    void sendUserField(UserSettingsForm::Field field, const QString &value);
    void sendAttributeRequest(AttributeEditor *editor, const QJsonObject &request,
                              bool clearNewRow);

    DirectoryClient *m_client;
    ItemKind m_kind = ItemKind::None;
    qint64 m_id = 0;
    // Counts requests for details, so that a late reply for an item no longer shown is dropped.
    quint64 m_detailsGeneration = 0;
    // Set for operators with the viewer role.
    bool m_readOnly = false;

    QLabel *m_title;
    QLabel *m_summary;
    UserSettingsForm *m_userForm;
    AttributeEditor *m_parameters;
    AttributeEditor *m_variables;
    // Gateway variables have a direction, so they get their own table.
    AttributeEditor *m_gatewayVariables;
    AttributeEditor *m_activeVariables;
    QWidget *m_tables;
    QLabel *m_groupNote;
};

} // namespace fsd::ui
