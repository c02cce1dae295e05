// SPDX-License-Identifier: MPL-2.0
#include "tests/ui/ModelTestHelpers.h"
#include "ui/AttributeTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fsd::test;
using fsd::ui::AttributeTableModel;

namespace {

// The `user_details` entry of `[Users] Get_user_details` with the reply fields of the API.
QJsonObject userDetails()
{
    return json(R"({
      "parameters": {
        "182": {"id": 182, "enabled": true, "name": "password", "value": "5555"},
        "183": {"id": 183, "enabled": true, "name": "vm-password", "value": "1000"},
        "270": {"id": 270, "enabled": false, "name": "xc", "value": "xc"}
      },
      "variables": {
        "1043": {"id": 1043, "enabled": true, "name": "recog", "value": "true"},
        "707": {"id": 707, "enabled": true, "name": "toll_allow", "value": "domestic"},
        "708": {"id": 708, "enabled": true, "name": "accountcode", "value": "1000"}
      },
      "cache": 5000, "cidr": "333", "number_alias": ""
    })");
}

QJsonObject objectOf(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toObject();
}

} // namespace

class AttributeTableModelTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<AttributeTableModel>(false);
        m_model->setSecretNames({QStringLiteral("password"), QStringLiteral("vm-password")});
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void rowsKeepIdOrder()
    {
        m_model->setRows(objectOf(userDetails(), "variables"));
        QCOMPARE(childNames(*m_model), QStringList({"toll_allow", "accountcode", "recog"}));
    }

    void secretsAreMasked()
    {
        m_model->setRows(objectOf(userDetails(), "parameters"));
        const QModelIndex password = m_model->index(0, AttributeTableModel::ValueColumn);
        QVERIFY(password.data(AttributeTableModel::SecretRole).toBool());
        QVERIFY(password.data().toString() != QStringLiteral("5555"));
        QCOMPARE(password.data(Qt::EditRole).toString(), QStringLiteral("5555"));
        const QModelIndex plain = m_model->index(2, AttributeTableModel::ValueColumn);
        QCOMPARE(plain.data().toString(), QStringLiteral("xc"));

        m_model->setSecretsRevealed(true);
        QCOMPARE(password.data().toString(), QStringLiteral("5555"));
    }

    void disabledRowIsGreyed()
    {
        m_model->setRows(objectOf(userDetails(), "parameters"));
        const QModelIndex disabled = m_model->index(2, AttributeTableModel::EnabledColumn);
        QCOMPARE(disabled.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(disabled.data(Qt::ForegroundRole).isValid());
        QVERIFY(!m_model->index(0, 0).data(Qt::ForegroundRole).isValid());
    }

    void upsertAndRemove()
    {
        m_model->setRows(objectOf(userDetails(), "parameters"));
        // `[Users] Add_user_param` and `[Users][Switch] User parameter` carry one row each.
        m_model->upsertRows(json(R"({"300": {"id": 300, "enabled": true, "name": "param1",
                                              "value": "val1"}})"));
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(3, 0).data().toString(), QStringLiteral("param1"));

        m_model->upsertRow(json(R"({"id": 300, "enabled": false, "name": "param1",
                                    "value": "val2"})"));
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(3, AttributeTableModel::ValueColumn).data().toString(),
                 QStringLiteral("val2"));
        QCOMPARE(m_model->rowAt(3).enabled, false);

        QVERIFY(m_model->removeRowById(183));
        QVERIFY(!m_model->removeRowById(183));
        QCOMPARE(childNames(*m_model), QStringList({"password", "xc", "param1"}));
    }

    void editEmitsRequestOnly()
    {
        m_model->setRows(objectOf(userDetails(), "parameters"));
        QSignalSpy requested(m_model.get(), &AttributeTableModel::editRequested);

        QVERIFY(m_model->setData(m_model->index(2, AttributeTableModel::ValueColumn),
                                 QStringLiteral("changed")));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), 270);
        const auto edited = requested.first().at(1).value<AttributeTableModel::Row>();
        QCOMPARE(edited.value, QStringLiteral("changed"));
        QCOMPARE(edited.name, QStringLiteral("xc"));
        // The row changes only when the reply arrives.
        QCOMPARE(m_model->rowAt(2).value, QStringLiteral("xc"));

        QVERIFY(m_model->setData(m_model->index(2, AttributeTableModel::EnabledColumn),
                                 int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(requested.last().at(1).value<AttributeTableModel::Row>().enabled, true);

        // Setting the same value again is no edit.
        QVERIFY(!m_model->setData(m_model->index(2, AttributeTableModel::NameColumn),
                                  QStringLiteral("xc")));
        QCOMPARE(requested.count(), 2);
    }

    void gatewayVariablesHaveDirection()
    {
        AttributeTableModel variables(true);
        QAbstractItemModelTester tester(&variables,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A `[Gateways] Add_user_gateway_var` reply.
        variables.upsertRows(json(R"({"1": {"id": 1, "enabled": true, "name": "var1",
                                            "value": "val1", "direction": ""},
                                      "2": {"id": 2, "enabled": true, "name": "var2",
                                            "value": "val2", "direction": "inbound"}})"));
        QCOMPARE(variables.columnCount(), 4);
        QCOMPARE(variables.index(0, AttributeTableModel::DirectionColumn).data().toString(),
                 QStringLiteral("both"));
        QCOMPARE(variables.index(1, AttributeTableModel::DirectionColumn).data().toString(),
                 QStringLiteral("inbound"));
        QCOMPARE(m_model->columnCount(), 3);
    }

    void findEnabledIgnoresDisabledRows()
    {
        m_model->setRows(objectOf(userDetails(), "parameters"));
        QVERIFY(m_model->findEnabled(QStringLiteral("PASSWORD")));
        QVERIFY(!m_model->findEnabled(QStringLiteral("xc")));
    }

private:
    std::unique_ptr<AttributeTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(AttributeTableModelTest)
#include "tst_attributetablemodel.moc"
