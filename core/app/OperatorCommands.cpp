// SPDX-License-Identifier: MPL-2.0
#include "core/app/OperatorCommands.h"

#include "core/auth/Authenticator.h"
#include "core/common/Secrets.h"

namespace fsd::OperatorCommands {

namespace {

int fail(QTextStream &err, const ApiError &error)
{
    err << "fsdirector: " << (error.detail.isEmpty() ? error.error : error.detail) << Qt::endl;
    return 1;
}

} // namespace

Status ensureInitialAdmin(Authenticator &authenticator, bool generateIfUnset, QTextStream &err)
{
    auto has = authenticator.hasOperators();
    if (!has)
        return has.error();
    if (*has)
        return {};

    QString password = qEnvironmentVariable("FSDIRECTOR_ADMIN_PASSWORD");
    const bool generated = password.isEmpty();
    if (generated) {
        if (!generateIfUnset)
            return {};
        password = Secrets::generatePassword(20);
    }
    auto added = authenticator.addOperator(QStringLiteral("admin"), Role::Admin, password);
    if (!added)
        return added.error();
    if (generated) {
        // Printed once: only the hash is stored.
        err << "fsdirector: created operator \"admin\" with password " << password << Qt::endl
            << "fsdirector: this password is shown only now; change it with "
               "'fsdirector --passwd admin'."
            << Qt::endl;
    } else {
        err << "fsdirector: created operator \"admin\" with the password from "
               "FSDIRECTOR_ADMIN_PASSWORD."
            << Qt::endl;
    }
    return {};
}

QString readPassword(QTextStream &in)
{
    QString line = in.readLine();
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

int add(Authenticator &authenticator, const QString &login, const QString &roleText,
        QTextStream &in, QTextStream &out, QTextStream &err)
{
    const std::optional<Role> role = roleFromName(roleText);
    if (!role) {
        err << "fsdirector: unknown role \"" << roleText
            << "\"; use admin, operator or viewer with --role." << Qt::endl;
        return 2;
    }
    const QString password = readPassword(in);
    auto added = authenticator.addOperator(login, *role, password);
    if (!added)
        return fail(err, added.error());
    out << "Added operator " << added->login << " with role " << added->role << "." << Qt::endl;
    return 0;
}

int changePassword(Authenticator &authenticator, const QString &login, QTextStream &in,
                   QTextStream &out, QTextStream &err)
{
    auto ended = authenticator.setPassword(login, readPassword(in));
    if (!ended)
        return fail(err, ended.error());
    out << "Changed the password of operator " << login << " and ended " << ended->size()
        << (ended->size() == 1 ? " session." : " sessions.") << Qt::endl;
    return 0;
}

int remove(Authenticator &authenticator, const QString &login, QTextStream &out, QTextStream &err)
{
    auto removed = authenticator.removeOperator(login);
    if (!removed)
        return fail(err, removed.error());
    out << "Removed operator " << login << " and ended " << removed->size()
        << (removed->size() == 1 ? " session." : " sessions.") << Qt::endl;
    return 0;
}

int list(Authenticator &authenticator, QTextStream &out, QTextStream &err)
{
    auto operators = authenticator.operators();
    if (!operators)
        return fail(err, operators.error());
    for (const OperatorRow &row : *operators)
        out << row.login << '\t' << row.role << Qt::endl;
    // Standard output stays empty for scripts, and standard error explains it to a person.
    if (operators->isEmpty()) {
        err << "fsdirector: no operators yet. Add one with --add-operator NAME --role admin, or "
               "start --headless once with FSDIRECTOR_ADMIN_PASSWORD set." << Qt::endl;
    }
    return 0;
}

} // namespace fsd::OperatorCommands
