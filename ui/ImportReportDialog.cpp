// SPDX-License-Identifier: MPL-2.0
#include "ui/ImportReportDialog.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace fsd::ui {

namespace {

// "file:line:column: message", or the message alone when the item has no place.
QString describeItem(const QJsonObject &item)
{
    const QString message = item.value(QLatin1StringView("message")).toString();
    const QString file = item.value(QLatin1StringView("file")).toString();
    const qint64 line = item.value(QLatin1StringView("line")).toInteger();
    if (file.isEmpty() && line <= 0)
        return message;
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1").arg(line);
        const qint64 column = item.value(QLatin1StringView("column")).toInteger();
        if (column > 0)
            where += QStringLiteral(":%1").arg(column);
    }
    return QStringLiteral("%1: %2").arg(where, message);
}

} // namespace

ImportReportDialog::ImportReportDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("reportDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    resize(720, 480);
}

void ImportReportDialog::setReport(const QJsonObject &report, bool checkOnly)
{
    const QJsonObject counts = report.value(QLatin1StringView("counts")).toObject();
    const auto count = [&counts](const char *key) {
        return int(counts.value(QLatin1StringView(key)).toInteger());
    };

    QStringList lines;
    lines << (checkOnly ? tr("Check only: nothing was stored. The import would create:")
                        : tr("Imported:"));
    lines << tr("  %n domain(s)", nullptr, count("domains"))
          << tr("  %n user(s)", nullptr, count("users"))
          << tr("  %n group(s)", nullptr, count("groups"))
          << tr("  %n group membership(s)", nullptr, count("memberships"))
          << tr("  %n gateway(s)", nullptr, count("gateways"))
          << tr("  %n parameter(s) of domains, users, groups and gateways", nullptr,
                count("domain_params") + count("user_params") + count("group_params")
                    + count("gateway_params"))
          << tr("  %n variable(s) of domains, users, groups and gateways", nullptr,
                count("domain_variables") + count("user_variables") + count("group_variables")
                    + count("gateway_variables"));

    const struct
    {
        const char *key;
        QString title;
    } sections[] = {{"warnings", tr("Warnings")},
                    {"unmodelled", tr("Not modelled")},
                    {"variables", tr("Variables")}};
    int warnings = 0;
    for (const auto &section : sections) {
        const QJsonArray items = report.value(QLatin1StringView(section.key)).toArray();
        if (items.isEmpty())
            continue;
        if (QLatin1StringView(section.key) == QLatin1StringView("warnings"))
            warnings = int(items.size());
        lines << QString() << QStringLiteral("%1 (%2):").arg(section.title).arg(items.size());
        for (const QJsonValue &item : items)
            lines << QStringLiteral("  ") + describeItem(item.toObject());
    }
    const QJsonArray sources = report.value(QLatin1StringView("sources")).toArray();
    if (!sources.isEmpty()) {
        lines << QString() << tr("Files read:");
        for (const QJsonValue &source : sources)
            lines << QStringLiteral("  ") + source.toString();
    }

    const QString outcome = checkOnly ? tr("The check found no error.") : tr("The import succeeded.");
    //: Parts of one sentence: "20 user(s)" + " in 1 domain(s)" + ", 3 warning(s)."
    m_summary->setText(outcome + QLatin1Char(' ') + tr("%n user(s)", nullptr, count("users"))
                       + tr(" in %n domain(s)", nullptr, count("domains"))
                       + tr(", %n warning(s).", nullptr, warnings));
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void ImportReportDialog::setError(const QString &text)
{
    m_summary->setText(tr("Nothing was changed, because of this error:"));
    m_details->setPlainText(text);
}

QString ImportReportDialog::summary() const
{
    return m_summary->text();
}

QString ImportReportDialog::details() const
{
    return m_details->toPlainText();
}

} // namespace fsd::ui
