// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace fsd::xml {

// The preprocessor's global variables ($${name}), with where each value came from, so that an
// empty name can be explained back to the variable that FreeSWITCH would have provided.
class VariableTable
{
public:
    enum class Origin {
        Set,      // an X-PRE-PROCESS set in a file
        Supplied, // --set, the import dialog, or a live FreeSWITCH
    };

    // Fixes `name` to `value`; later `set`s of it are ignored.
    void supply(const QByteArray &name, const QByteArray &value);
    // Sets `name` from a `set` directive. `emptiedBy` names a variable on the directive's line
    // that expanded to nothing, or is empty.
    void set(const QByteArray &name, const QByteArray &value,
             const model::SourceLocation &location, const QByteArray &emptiedBy);
    // Records that a command the import does not run (exec-set, stun-set, env-set) would have
    // set `name`.
    void noteSkipped(const QByteArray &name, const QString &command,
                     const model::SourceLocation &location);

    bool isDefined(const QByteArray &name) const { return m_entries.contains(name); }
    bool isSupplied(const QByteArray &name) const;
    QByteArray value(const QByteArray &name) const;
    // True when expanding `name` gives nothing because of an undefined variable somewhere in
    // its chain (not because a file set it to an empty value on purpose).
    bool isEmptiedByUndefined(const QByteArray &name) const;

    // Explains why `name` expands to nothing, following the chain of `set`s down to the
    // undefined variable and what to do about it, such as
    // "domain (set at vars.xml:61) ← local_ip_v4, which FreeSWITCH computes at run time; set it
    // with --set local_ip_v4=VALUE".
    QString explain(const QByteArray &name) const;

    // Variables FreeSWITCH 1.10 sets itself at start-up (switch_core.c, switch_nat.c).
    static bool isRuntimeVariable(const QByteArray &name);

private:
    struct Entry
    {
        QByteArray value;
        Origin origin = Origin::Set;
        model::SourceLocation location;
        QByteArray emptiedBy;
    };
    struct Skipped
    {
        QString command;
        model::SourceLocation location;
    };
    QString explainUndefined(const QByteArray &name) const;

    QHash<QByteArray, Entry> m_entries;
    QHash<QByteArray, Skipped> m_skipped;
};

} // namespace fsd::xml
