// SPDX-License-Identifier: MPL-2.0
#include "core/xml/ReportFormat.h"

#include "core/xml/SourceMap.h"

#include <QJsonArray>

namespace fsd::xml {

namespace {

// A count of the report, with its JSON key and its English labels for one and for other counts.
// The command line prints these without translation, so the plural is chosen here.
struct CountField
{
    const char *key;
    const char *singular;
    const char *plural;
    qint64 model::ImportCounts::*member;
};

const QList<CountField> &countFields()
{
    static const QList<CountField> fields = {
        {"domains", "domain", "domains", &model::ImportCounts::domains},
        {"domain_params", "domain parameter", "domain parameters", &model::ImportCounts::domainParams},
        {"domain_variables", "domain variable", "domain variables",
         &model::ImportCounts::domainVariables},
        {"users", "user", "users", &model::ImportCounts::users},
        {"user_params", "user parameter", "user parameters", &model::ImportCounts::userParams},
        {"user_variables", "user variable", "user variables", &model::ImportCounts::userVariables},
        {"groups", "group", "groups", &model::ImportCounts::groups},
        {"group_params", "group parameter", "group parameters", &model::ImportCounts::groupParams},
        {"group_variables", "group variable", "group variables",
         &model::ImportCounts::groupVariables},
        {"memberships", "group membership", "group memberships", &model::ImportCounts::memberships},
        {"pointers", "of them a pointer", "of them pointers", &model::ImportCounts::pointers},
        {"gateways", "gateway", "gateways", &model::ImportCounts::gateways},
        {"gateway_params", "gateway parameter", "gateway parameters",
         &model::ImportCounts::gatewayParams},
        {"gateway_variables", "gateway variable", "gateway variables",
         &model::ImportCounts::gatewayVariables},
    };
    return fields;
}

QJsonArray itemsToJson(const QList<model::ReportItem> &items)
{
    QJsonArray array;
    for (const model::ReportItem &item : items) {
        QJsonObject object{{QStringLiteral("message"), item.message}};
        if (!item.location.file.isEmpty())
            object.insert(QStringLiteral("file"), item.location.file);
        if (item.location.line > 0) {
            object.insert(QStringLiteral("line"), item.location.line);
            object.insert(QStringLiteral("column"), item.location.column);
        }
        array.append(object);
    }
    return array;
}

void itemsToText(QStringList &lines, const QString &title, const QList<model::ReportItem> &items)
{
    if (items.isEmpty())
        return;
    lines.append(QStringLiteral("%1 (%2):").arg(title).arg(items.size()));
    for (const model::ReportItem &item : items) {
        const QString where = describeLocation(item.location);
        lines.append(where.isEmpty() ? QStringLiteral("  %1").arg(item.message)
                                     : QStringLiteral("  %1: %2").arg(where, item.message));
    }
}

} // namespace

QJsonObject ReportFormat::toJson(const model::ImportReport &report)
{
    QJsonObject counts;
    for (const CountField &field : countFields())
        counts.insert(QLatin1String(field.key), report.counts.*(field.member));
    return QJsonObject{
        {QStringLiteral("dry_run"), report.dryRun},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("warnings"), itemsToJson(report.warnings)},
        {QStringLiteral("unmodelled"), itemsToJson(report.unmodelled)},
        {QStringLiteral("variables"), itemsToJson(report.variables)},
        {QStringLiteral("sources"), QJsonArray::fromStringList(report.sources)},
    };
}

QString ReportFormat::toText(const model::ImportReport &report)
{
    QStringList lines;
    lines.append(report.dryRun ? QStringLiteral("Dry run: nothing was stored. The import would "
                                                "create:")
                               : QStringLiteral("Imported:"));
    for (const CountField &field : countFields()) {
        const qint64 count = report.counts.*(field.member);
        lines.append(QStringLiteral("  %1 %2")
                         .arg(count, 7)
                         .arg(QLatin1String(count == 1 ? field.singular : field.plural)));
    }
    itemsToText(lines, QStringLiteral("Warnings"), report.warnings);
    itemsToText(lines, QStringLiteral("Not modelled"), report.unmodelled);
    itemsToText(lines, QStringLiteral("Variables"), report.variables);
    if (!report.sources.isEmpty())
        lines.append(QStringLiteral("Files read: %1").arg(report.sources.join(QStringLiteral(", "))));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace fsd::xml
