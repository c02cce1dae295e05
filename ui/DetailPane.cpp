// SPDX-License-Identifier: MPL-2.0
#include "ui/DetailPane.h"

#include "ui/ApiEvents.h"
#include "ui/AttributeEditor.h"
#include "ui/DirectoryClient.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace fsd::ui {

using Events::toId;

namespace {

// Parameters whose values are secrets. FreeSWITCH reads `password`, `a1-hash` and
// `vm-password` on users (and inherits them from domains); gateways have `password`.
const QStringList SecretNames = {QStringLiteral("password"), QStringLiteral("a1-hash"),
                                 QStringLiteral("vm-password")};

QJsonObject objectAt(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toObject();
}

} // namespace

DetailPane::DetailPane(DirectoryClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_userForm(new UserSettingsForm(this))
    , m_parameters(new AttributeEditor(tr("Parameters"), false, this))
    , m_variables(new AttributeEditor(tr("Variables"), false, this))
    , m_gatewayVariables(new AttributeEditor(tr("Variables"), true, this))
    , m_activeVariables(m_variables)
    , m_groupNote(new QLabel(tr("Group parameters and variables come from imported XML and are "
                                "served to FreeSWITCH. The API has no events to change them, so "
                                "they are shown read-only."),
                             this))
{
    m_title->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setObjectName(QStringLiteral("detailSummary"));
    m_summary->setWordWrap(true);
    m_parameters->setObjectName(QStringLiteral("parameterEditor"));
    m_variables->setObjectName(QStringLiteral("variableEditor"));
    m_gatewayVariables->setObjectName(QStringLiteral("gatewayVariableEditor"));
    m_parameters->model()->setSecretNames(SecretNames);
    m_groupNote->setObjectName(QStringLiteral("groupNote"));
    m_groupNote->setWordWrap(true);

    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->setObjectName(QStringLiteral("detailTables"));
    tables->addWidget(m_parameters);
    tables->addWidget(m_variables);
    tables->addWidget(m_gatewayVariables);
    m_tables = tables;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_groupNote);
    layout->addWidget(m_userForm);
    layout->addWidget(tables, 1);
    // Keeps the title and hint at the top while the tables are hidden.
    layout->addStretch();

    for (bool variables : {false, true}) {
        const QList<AttributeEditor *> editors =
            variables ? QList<AttributeEditor *>{m_variables, m_gatewayVariables}
                      : QList<AttributeEditor *>{m_parameters};
        for (AttributeEditor *editor : editors) {
            connect(editor, &AttributeEditor::addRequested, this,
                    [this, variables](const QString &name, const QString &value,
                                      const QString &direction) {
                        sendAdd(variables, name, value, direction);
                    });
            connect(editor, &AttributeEditor::editRequested, this,
                    [this, variables](qint64 id, const AttributeTableModel::Row &edited) {
                        sendEdit(variables, id, edited);
                    });
            connect(editor, &AttributeEditor::removeRequested, this,
                    [this, variables](const QList<qint64> &ids) { sendRemove(variables, ids); });
        }
    }
    connect(m_userForm, &UserSettingsForm::changeRequested, this, &DetailPane::sendUserField);
    clearItem();
}

// --- Showing an item ---------------------------------------------------------------------------

void DetailPane::showItem(ItemKind kind, qint64 id, const QString &title, const QString &summary)
{
    const bool sameItem = kind == m_kind && id == m_id;
    m_title->setText(title);
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_kind = kind;
    m_id = id;
    // Also for the same item: the pane starts as None and must hide its editors then too.
    updateEditors();
    if (sameItem)
        return;

    for (AttributeEditor *editor : {m_parameters, m_variables, m_gatewayVariables}) {
        editor->model()->clear();
        editor->clearNewRow();
        editor->clearError();
        editor->revealBox()->setChecked(false);
    }
    m_userForm->clear();
    // Gateways know only `password` as a secret, domains and users all three.
    m_parameters->model()->setSecretNames(kind == ItemKind::Gateway
                                              ? QStringList{QStringLiteral("password")}
                                              : SecretNames);
    if (hasAttributes())
        requestDetails();
}

void DetailPane::clearItem()
{
    showItem(ItemKind::None, 0, tr("Nothing selected"),
             tr("Select a domain, user, gateway or group to see and edit its details."));
}

void DetailPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateEditors();
    for (auto field : {UserSettingsForm::Field::Cache, UserSettingsForm::Field::Cidr,
                       UserSettingsForm::Field::NumberAlias})
        m_userForm->editFor(field)->setReadOnly(readOnly);
}

bool DetailPane::hasAttributes() const
{
    return m_kind == ItemKind::Domain || m_kind == ItemKind::User || m_kind == ItemKind::Gateway
           || m_kind == ItemKind::Group;
}

// Shows the editors of the current kind of item and hides the others.
void DetailPane::updateEditors()
{
    const bool attributes = hasAttributes();
    m_activeVariables = m_kind == ItemKind::Gateway ? m_gatewayVariables : m_variables;
    m_tables->setVisible(attributes);
    m_parameters->setVisible(attributes);
    m_variables->setVisible(attributes && m_kind != ItemKind::Gateway);
    m_gatewayVariables->setVisible(m_kind == ItemKind::Gateway);
    m_userForm->setVisible(m_kind == ItemKind::User);
    m_groupNote->setVisible(m_kind == ItemKind::Group);
    for (AttributeEditor *editor : {m_parameters, m_variables, m_gatewayVariables})
        editor->setReadOnly(m_readOnly || m_kind == ItemKind::Group);
}

void DetailPane::requestDetails()
{
    QLatin1StringView event = Events::GetDomainDetails;
    if (m_kind == ItemKind::User)
        event = Events::GetUserDetails;
    else if (m_kind == ItemKind::Gateway)
        event = Events::GetGatewayDetails;
    else if (m_kind == ItemKind::Group)
        event = Events::GetGroupUsers;
    // The reply reaches applyMessage() through the client, like every other reply.
    m_client->send(Events::request(event, QJsonObject{{QStringLiteral("id"), m_id}}));
}

// --- Applying replies and pushes ---------------------------------------------------------------

void DetailPane::applyMessage(const QJsonObject &message)
{
    if (!hasAttributes() || Events::isError(message))
        return;
    const QString type = Events::messageType(message);
    const bool complete = type == Events::GetDomainDetails || type == Events::GetUserDetails
                          || type == Events::GetGatewayDetails || type == Events::GetGroupUsers;

    const QLatin1StringView key = m_kind == ItemKind::Domain  ? QLatin1StringView("domain_details")
                                  : m_kind == ItemKind::User  ? QLatin1StringView("user_details")
                                  : m_kind == ItemKind::Group ? QLatin1StringView("group_details")
                                                              : QLatin1StringView("gateway_details");
    const QJsonObject byOwner = objectAt(message, key);
    const QString ownKey = QString::number(m_id);
    if (byOwner.contains(ownKey)) {
        if (type == Events::DeleteGatewayVar) {
            const QJsonObject variables =
                objectAt(byOwner.value(ownKey).toObject(), QLatin1StringView("variables"));
            for (auto it = variables.begin(); it != variables.end(); ++it)
                m_activeVariables->model()->removeRowById(toId(it.key()));
        } else {
            applyDetails(byOwner.value(ownKey).toObject(), complete);
        }
        emit detailsLoaded();
        return;
    }
    if (m_kind == ItemKind::Group)
        return;
    if (applyRemoval(type, message))
        return;
    applyItemUpdate(type, message);
}

void DetailPane::applyDetails(const QJsonObject &details, bool complete)
{
    const QJsonObject parameters = objectAt(details, QLatin1StringView("parameters"));
    const QJsonObject variables = objectAt(details, QLatin1StringView("variables"));
    if (complete) {
        m_parameters->model()->setRows(parameters);
        m_activeVariables->model()->setRows(variables);
    } else {
        m_parameters->model()->upsertRows(parameters);
        m_activeVariables->model()->upsertRows(variables);
    }
    if (m_kind == ItemKind::User && complete)
        m_userForm->setValues(details);
    afterParametersChanged();
}

// `Del_..._param` / `Del_..._var` replies carry the id of the removed row only.
bool DetailPane::applyRemoval(const QString &type, const QJsonObject &message)
{
    const bool parameter = (m_kind == ItemKind::Domain && type == Events::DeleteDomainParam)
                           || (m_kind == ItemKind::User && type == Events::DeleteUserParam)
                           || (m_kind == ItemKind::Gateway && type == Events::DeleteGatewayParam);
    const bool variable = (m_kind == ItemKind::Domain && type == Events::DeleteDomainVar)
                          || (m_kind == ItemKind::User && type == Events::DeleteUserVar);
    if (!parameter && !variable)
        return false;
    AttributeEditor *editor = parameter ? m_parameters : m_activeVariables;
    if (editor->model()->removeRowById(toId(message.value(QLatin1StringView("id"))))) {
        afterParametersChanged();
        emit detailsLoaded();
    }
    return true;
}

void DetailPane::applyItemUpdate(const QString &type, const QJsonObject &message)
{
    const QJsonObject item = objectAt(message, QLatin1StringView("item"));
    const qint64 itemId = toId(item.value(QLatin1StringView("id")));

    // `[Gateways] Add_user_gateway_param`: {"item": row, "id": gateway}.
    if (type == Events::AddGatewayParam) {
        if (m_kind == ItemKind::Gateway && toId(message.value(QLatin1StringView("id"))) == m_id) {
            m_parameters->model()->upsertRow(item);
            emit detailsLoaded();
        }
        return;
    }
    if (m_kind != ItemKind::User || itemId != m_id)
        return;
    const QString value = item.value(QLatin1StringView("value")).toString();
    if (type == Events::UpdateUserCache)
        m_userForm->setValue(UserSettingsForm::Field::Cache, value);
    else if (type == Events::UpdateUserCidr)
        m_userForm->setValue(UserSettingsForm::Field::Cidr, value);
    else if (type == Events::UpdateUserNumberAlias)
        m_userForm->setValue(UserSettingsForm::Field::NumberAlias, value);
}

void DetailPane::afterParametersChanged()
{
    if (m_kind == ItemKind::User)
        m_userForm->updateCredentialWarning(*m_parameters->model());
}

// --- Sending the operator's edits --------------------------------------------------------------

DetailPane::AttributeEvents DetailPane::eventsFor(bool variables) const
{
    switch (m_kind) {
    case ItemKind::Domain:
        return variables ? AttributeEvents{Events::AddDomainVar, Events::UpdateDomainVar,
                                           Events::SwitchDomainVar, Events::DeleteDomainVar}
                         : AttributeEvents{Events::AddDomainParam, Events::UpdateDomainParam,
                                           Events::SwitchDomainParam, Events::DeleteDomainParam};
    case ItemKind::User:
        return variables ? AttributeEvents{Events::AddUserVar, Events::UpdateUserVar,
                                           Events::SwitchUserVar, Events::DeleteUserVar}
                         : AttributeEvents{Events::AddUserParam, Events::UpdateUserParam,
                                           Events::SwitchUserParam, Events::DeleteUserParam};
    default:
        return variables ? AttributeEvents{Events::AddGatewayVar, Events::UpdateGatewayVar,
                                           Events::SwitchGatewayVar, Events::DeleteGatewayVar}
                         : AttributeEvents{Events::AddGatewayParam, Events::UpdateGatewayParam,
                                           Events::SwitchGatewayParam, Events::DeleteGatewayParam};
    }
}

// Gateway variables are sent as {"variable": {...}}, every other attribute as flat fields.
void DetailPane::sendAdd(bool variables, const QString &name, const QString &value,
                         const QString &direction)
{
    if (m_kind == ItemKind::Group)
        return;
    const AttributeEvents events = eventsFor(variables);
    AttributeEditor *editor = variables ? m_activeVariables : m_parameters;
    QJsonObject data{{QStringLiteral("id"), m_id}};
    if (variables && m_kind == ItemKind::Gateway) {
        data.insert(QStringLiteral("index"), editor->model()->rowCount());
        data.insert(QStringLiteral("variable"),
                    QJsonObject{{QStringLiteral("enabled"), true},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("value"), value},
                                {QStringLiteral("direction"), direction}});
    } else {
        data.insert(QStringLiteral("name"), name);
        data.insert(QStringLiteral("value"), value);
    }
    sendAttributeRequest(editor, Events::request(events.add, data), true);
}

void DetailPane::sendEdit(bool variables, qint64 id, const AttributeTableModel::Row &edited)
{
    if (m_kind == ItemKind::Group)
        return;
    const AttributeEvents events = eventsFor(variables);
    AttributeEditor *editor = variables ? m_activeVariables : m_parameters;
    const int row = editor->model()->rowOfId(id);
    if (row < 0)
        return;
    const bool toggling = editor->model()->rowAt(row).enabled != edited.enabled;
    const QLatin1StringView event = toggling ? events.toggle : events.update;

    QJsonObject data;
    if (variables && m_kind == ItemKind::Gateway) {
        data.insert(QStringLiteral("variable"),
                    QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("enabled"), edited.enabled},
                                {QStringLiteral("name"), edited.name},
                                {QStringLiteral("value"), edited.value},
                                {QStringLiteral("direction"), edited.direction}});
    } else if (toggling) {
        data = QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("enabled"), edited.enabled}};
    } else {
        data = QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("name"), edited.name},
                           {QStringLiteral("value"), edited.value}};
    }
    sendAttributeRequest(editor, Events::request(event, data), false);
}

void DetailPane::sendRemove(bool variables, const QList<qint64> &ids)
{
    if (m_kind == ItemKind::Group)
        return;
    const AttributeEvents events = eventsFor(variables);
    AttributeEditor *editor = variables ? m_activeVariables : m_parameters;
    for (qint64 id : ids) {
        const QJsonObject data = variables && m_kind == ItemKind::Gateway
                                     ? QJsonObject{{QStringLiteral("variable"),
                                                    QJsonObject{{QStringLiteral("id"), id}}}}
                                     : QJsonObject{{QStringLiteral("id"), id}};
        sendAttributeRequest(editor, Events::request(events.remove, data), false);
    }
}

void DetailPane::sendAttributeRequest(AttributeEditor *editor, const QJsonObject &request,
                                      bool clearNewRow)
{
    const ItemKind kind = m_kind;
    const qint64 id = m_id;
    m_client->send(request, editor, [this, editor, kind, id, clearNewRow](const QJsonObject &reply) {
        if (kind != m_kind || id != m_id)
            return;
        if (Events::isError(reply)) {
            editor->showError(Events::errorText(reply));
            return;
        }
        if (clearNewRow)
            editor->clearNewRow();
    });
}

void DetailPane::sendUserField(UserSettingsForm::Field field, const QString &value)
{
    if (m_kind != ItemKind::User)
        return;
    const QLatin1StringView event = field == UserSettingsForm::Field::Cache ? Events::UpdateUserCache
                                    : field == UserSettingsForm::Field::Cidr
                                        ? Events::UpdateUserCidr
                                        : Events::UpdateUserNumberAlias;
    const qint64 id = m_id;
    const QJsonObject data{{QStringLiteral("id"), id}, {QStringLiteral("value"), value}};
    m_client->send(Events::request(event, data), m_userForm,
                   [this, field, id](const QJsonObject &reply) {
                       if (m_kind != ItemKind::User || id != m_id)
                           return;
                       if (Events::isError(reply))
                           m_userForm->showError(field, Events::errorText(reply));
                       else
                           m_userForm->clearError(field);
                   });
}

} // namespace fsd::ui
