// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QTextStream>

namespace fsd {

class Authenticator;

// The operator account commands of the command line. Each prints to `out`, reports problems
// to `err`, and returns the process exit code.
namespace OperatorCommands {

// First start: without any operator, creates `admin` with the password from
// FSDIRECTOR_ADMIN_PASSWORD, or (when `generateIfUnset`) with a generated one printed once to
// `err`. Does nothing when operators exist.
Status ensureInitialAdmin(Authenticator &authenticator, bool generateIfUnset, QTextStream &err);

// Reads a password from standard input: the first line, without its line break.
QString readPassword(QTextStream &in);

int add(Authenticator &authenticator, const QString &login, const QString &role, QTextStream &in,
        QTextStream &out, QTextStream &err);
int changePassword(Authenticator &authenticator, const QString &login, QTextStream &in,
                   QTextStream &out, QTextStream &err);
int remove(Authenticator &authenticator, const QString &login, QTextStream &out, QTextStream &err);
int list(Authenticator &authenticator, QTextStream &out, QTextStream &err);

} // namespace OperatorCommands
} // namespace fsd
