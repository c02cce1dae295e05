// SPDX-License-Identifier: MPL-2.0
#include "core/xml/VariableTable.h"

#include "core/xml/SourceMap.h"

#include <QSet>

namespace fsd::xml {

namespace {

// Chains longer than this are cut short; `set`s can refer to each other in a loop.
constexpr int MaxChainLength = 32;

} // namespace

void VariableTable::supply(const QByteArray &name, const QByteArray &value)
{
    Entry entry;
    entry.value = value;
    entry.origin = Origin::Supplied;
    m_entries.insert(name, entry);
}

void VariableTable::set(const QByteArray &name, const QByteArray &value,
                        const model::SourceLocation &location, const QByteArray &emptiedBy)
{
    Entry entry;
    entry.value = value;
    entry.origin = Origin::Set;
    entry.location = location;
    entry.emptiedBy = emptiedBy;
    m_entries.insert(name, entry);
}

void VariableTable::noteSkipped(const QByteArray &name, const QString &command,
                                const model::SourceLocation &location)
{
    if (!m_skipped.contains(name))
        m_skipped.insert(name, Skipped{command, location});
}

bool VariableTable::isSupplied(const QByteArray &name) const
{
    const auto it = m_entries.constFind(name);
    return it != m_entries.cend() && it->origin == Origin::Supplied;
}

QByteArray VariableTable::value(const QByteArray &name) const
{
    return m_entries.value(name).value;
}

bool VariableTable::isEmptiedByUndefined(const QByteArray &name) const
{
    QByteArray current = name;
    for (int step = 0; step < MaxChainLength; ++step) {
        const auto it = m_entries.constFind(current);
        if (it == m_entries.cend())
            return true;
        if (!it->value.isEmpty() || it->emptiedBy.isEmpty())
            return false;
        current = it->emptiedBy;
    }
    return false;
}

QString VariableTable::explain(const QByteArray &name) const
{
    QStringList links;
    QSet<QByteArray> seen;
    QByteArray current = name;
    for (int step = 0; step < MaxChainLength && !seen.contains(current); ++step) {
        seen.insert(current);
        const auto it = m_entries.constFind(current);
        if (it == m_entries.cend()) {
            links.append(explainUndefined(current));
            return links.join(QStringLiteral(" ← "));
        }
        const QString where = it->origin == Origin::Supplied
                                  ? QStringLiteral("supplied")
                                  : QStringLiteral("set at %1").arg(describeLocation(it->location));
        if (it->emptiedBy.isEmpty() || !it->value.isEmpty()) {
            links.append(QStringLiteral("%1 (%2), which is \"%3\"")
                             .arg(QString::fromUtf8(current), where,
                                  QString::fromUtf8(it->value)));
            return links.join(QStringLiteral(" ← "));
        }
        links.append(QStringLiteral("%1 (%2)").arg(QString::fromUtf8(current), where));
        current = it->emptiedBy;
    }
    links.append(QStringLiteral("…"));
    return links.join(QStringLiteral(" ← "));
}

QString VariableTable::explainUndefined(const QByteArray &name) const
{
    const QString text = QString::fromUtf8(name);
    const QString fix = QStringLiteral("set it with --set %1=VALUE").arg(text);
    const auto skipped = m_skipped.constFind(name);
    if (skipped != m_skipped.cend()) {
        return QStringLiteral("%1, which %2 at %3 computes when FreeSWITCH starts (an import never "
                              "runs it); %4")
            .arg(text, skipped->command, describeLocation(skipped->location), fix);
    }
    if (isRuntimeVariable(name))
        return QStringLiteral("%1, which FreeSWITCH computes at run time; %2").arg(text, fix);
    return QStringLiteral("%1, which is not defined; %2").arg(text, fix);
}

bool VariableTable::isRuntimeVariable(const QByteArray &name)
{
    static const QSet<QByteArray> names = {
        "base_dir",      "cache_dir",       "certs_dir",      "conf_dir",      "core_uuid",
        "data_dir",      "db_dir",          "fonts_dir",      "grammar_dir",   "hostname",
        "htdocs_dir",    "images_dir",      "local_ip_v4",    "local_ip_v6",   "local_mask_v4",
        "localstate_dir", "log_dir",        "mod_dir",        "nat_private_addr",
        "nat_public_addr", "nat_type",      "recordings_dir", "run_dir",       "script_dir",
        "sound_prefix",  "sounds_dir",      "storage_dir",    "temp_dir",
    };
    return names.contains(name);
}

} // namespace fsd::xml
