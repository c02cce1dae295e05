// SPDX-License-Identifier: MPL-2.0
#include "ui/Icons.h"

#include <QApplication>
#include <QStyle>

namespace fsd::ui::Icons {

namespace {

QIcon themed(const char *themeName, QStyle::StandardPixmap fallback)
{
    const QString name = QString::fromLatin1(themeName);
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QApplication::style()->standardIcon(fallback);
}

} // namespace

QIcon domain()
{
    return themed("network-workgroup", QStyle::SP_DriveNetIcon);
}

QIcon user()
{
    return themed("user-identity", QStyle::SP_FileIcon);
}

QIcon registeredUser()
{
    return themed("user-available", QStyle::SP_DialogApplyButton);
}

QIcon gateway()
{
    return themed("network-wired", QStyle::SP_ComputerIcon);
}

QIcon group()
{
    return themed("system-users", QStyle::SP_DirIcon);
}

QIcon member()
{
    return themed("user-identity", QStyle::SP_FileLinkIcon);
}

QIcon disabled()
{
    return themed("dialog-cancel", QStyle::SP_BrowserStop);
}

QIcon warning()
{
    return themed("dialog-warning", QStyle::SP_MessageBoxWarning);
}

QIcon secret()
{
    return themed("dialog-password", QStyle::SP_DialogNoButton);
}

} // namespace fsd::ui::Icons
