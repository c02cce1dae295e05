// SPDX-License-Identifier: MPL-2.0
#include "ui/AttributeTableModel.h"

#include "ui/ApiEvents.h"
#include "ui/Icons.h"

#include <QApplication>
#include <QPalette>

#include <algorithm>

namespace fsd::ui {

namespace {

// Shown instead of a secret value.
const QString MaskedValue(8, QChar(0x2022));

} // namespace

AttributeTableModel::AttributeTableModel(bool hasDirection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_hasDirection(hasDirection)
{
}

// --- Rows --------------------------------------------------------------------------------------

AttributeTableModel::Row AttributeTableModel::readRow(const QJsonObject &json)
{
    Row row;
    row.id = Events::toId(json.value(QLatin1StringView("id")));
    row.name = json.value(QLatin1StringView("name")).toString();
    row.value = json.value(QLatin1StringView("value")).toString();
    row.enabled = json.value(QLatin1StringView("enabled")).toBool(true);
    row.direction = json.value(QLatin1StringView("direction")).toString();
    return row;
}

void AttributeTableModel::setRows(const QJsonObject &rows)
{
    beginResetModel();
    m_rows.clear();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        const Row row = readRow(it.value().toObject());
        if (row.id > 0)
            m_rows.append(row);
    }
    // Rows keep their stored order, which is the order of their ids. The JSON object sorts its
    // keys as text ("1043" before "707"), so the rows are sorted by number.
    std::sort(m_rows.begin(), m_rows.end(),
              [](const Row &a, const Row &b) { return a.id < b.id; });
    endResetModel();
}

void AttributeTableModel::upsertRows(const QJsonObject &rows)
{
    for (auto it = rows.begin(); it != rows.end(); ++it)
        upsertRow(it.value().toObject());
}

void AttributeTableModel::upsertRow(const QJsonObject &json)
{
    const Row row = readRow(json);
    if (row.id <= 0)
        return;
    const int existing = rowOfId(row.id);
    if (existing >= 0) {
        m_rows[existing] = row;
        emit dataChanged(index(existing, 0), index(existing, columnCount() - 1));
        return;
    }
    const int position = insertPosition(row.id);
    beginInsertRows({}, position, position);
    m_rows.insert(position, row);
    endInsertRows();
}

bool AttributeTableModel::removeRowById(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

void AttributeTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int AttributeTableModel::rowOfId(qint64 id) const
{
    const int position = insertPosition(id);
    if (position < m_rows.size() && m_rows[position].id == id)
        return position;
    return -1;
}

int AttributeTableModel::insertPosition(qint64 id) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const Row &row, qint64 key) { return row.id < key; });
    return int(it - m_rows.begin());
}

const AttributeTableModel::Row *AttributeTableModel::findEnabled(const QString &name) const
{
    for (const Row &row : m_rows) {
        if (row.enabled && row.name.compare(name, Qt::CaseInsensitive) == 0)
            return &row;
    }
    return nullptr;
}

// --- Secrets -----------------------------------------------------------------------------------

void AttributeTableModel::setSecretNames(const QStringList &names)
{
    m_secretNames.clear();
    for (const QString &name : names)
        m_secretNames.insert(name.toCaseFolded());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ValueColumn), index(int(m_rows.size()) - 1, ValueColumn));
}

bool AttributeTableModel::isSecret(int row) const
{
    return row >= 0 && row < m_rows.size()
           && m_secretNames.contains(m_rows[row].name.trimmed().toCaseFolded());
}

void AttributeTableModel::setSecretsRevealed(bool revealed)
{
    if (m_secretsRevealed == revealed)
        return;
    m_secretsRevealed = revealed;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ValueColumn), index(int(m_rows.size()) - 1, ValueColumn));
}

// --- QAbstractItemModel ------------------------------------------------------------------------

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_hasDirection ? 4 : 3;
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case EnabledColumn:
        return tr("Enabled");
    case DirectionColumn:
        return m_hasDirection ? tr("Direction") : QVariant();
    default:
        return {};
    }
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    const bool secret = isSecret(index.row());

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return row.name;
        if (index.column() == ValueColumn)
            return secret && !m_secretsRevealed ? MaskedValue : row.value;
        if (index.column() == DirectionColumn)
            //: Gateway variable direction when none is set: the variable applies both ways.
            return row.direction.isEmpty() ? tr("both") : row.direction;
        return {};
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return row.name;
        if (index.column() == ValueColumn)
            return row.value;
        if (index.column() == DirectionColumn)
            return row.direction;
        return {};
    case Qt::CheckStateRole:
        if (index.column() != EnabledColumn)
            return {};
        return row.enabled ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !row.enabled)
            return Icons::disabled();
        if (index.column() == ValueColumn && secret)
            return Icons::secret();
        return {};
    case Qt::ForegroundRole:
        if (row.enabled)
            return {};
        return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case Qt::ToolTipRole:
        if (!row.enabled)
            return tr("Disabled: kept here, but not served to FreeSWITCH.");
        if (secret && index.column() == ValueColumn)
            return tr("Secret value: use Reveal to show it, or Copy value to copy it.");
        return {};
    case IdRole:
        return row.id;
    case SecretRole:
        return secret;
    default:
        return {};
    }
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EnabledColumn)
        result |= Qt::ItemIsUserCheckable;
    else
        result |= Qt::ItemIsEditable;
    return result;
}

bool AttributeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Row edited = m_rows[index.row()];

    if (index.column() == EnabledColumn && role == Qt::CheckStateRole) {
        edited.enabled = value.toInt() == Qt::Checked;
    } else if (role == Qt::EditRole && index.column() == NameColumn) {
        edited.name = value.toString();
    } else if (role == Qt::EditRole && index.column() == ValueColumn) {
        edited.value = value.toString();
    } else if (role == Qt::EditRole && index.column() == DirectionColumn && m_hasDirection) {
        edited.direction = value.toString();
    } else {
        return false;
    }

    const Row &current = m_rows[index.row()];
    if (edited.name == current.name && edited.value == current.value
        && edited.enabled == current.enabled && edited.direction == current.direction)
        return false;
    emit editRequested(edited.id, edited);
    return true;
}

} // namespace fsd::ui
