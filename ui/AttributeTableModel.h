// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace fsd::ui {

// The parameters or the variables of one domain, user or gateway: name, value, enabled and,
// for gateway variables, direction. Rows come from details replies. An edit in a view does not
// change the row but emits editRequested(), and the row changes when the reply (or a push)
// arrives. Values of secret parameters (`password`, ...) are masked until revealed.
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, EnabledColumn, DirectionColumn };
    enum Role { IdRole = Qt::UserRole + 1, SecretRole };

    struct Row
    {
        qint64 id = 0;
        QString name;
        QString value;
        bool enabled = true;
        QString direction;
    };

    explicit AttributeTableModel(bool hasDirection, QObject *parent = nullptr);

    bool hasDirection() const { return m_hasDirection; }

    // Replaces every row with those of `rows` ({id: {id, name, value, enabled}}).
    void setRows(const QJsonObject &rows);
    // Adds or updates the rows of `rows`, leaving the others.
    void upsertRows(const QJsonObject &rows);
    void upsertRow(const QJsonObject &row);
    bool removeRowById(qint64 id);
    void clear();

    bool containsId(qint64 id) const { return rowOfId(id) >= 0; }
    int rowOfId(qint64 id) const;
    Row rowAt(int row) const { return m_rows.value(row); }
    QList<Row> rows() const { return m_rows; }
    // The enabled row named `name` (case-insensitive), or nullptr.
    const Row *findEnabled(const QString &name) const;

    // Names whose values are masked; compared case-insensitively.
    void setSecretNames(const QStringList &names);
    bool isSecret(int row) const;
    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_secretsRevealed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // An operator edited a row in a view; `edited` is the whole row as it should become.
    void editRequested(qint64 id, const fsd::ui::AttributeTableModel::Row &edited);

private:
    static Row readRow(const QJsonObject &json);
    int insertPosition(qint64 id) const;

    bool m_hasDirection;
    QList<Row> m_rows;
    QSet<QString> m_secretNames;
    bool m_secretsRevealed = false;
};

} // namespace fsd::ui
