// SPDX-License-Identifier: MPL-2.0
#include "ui/Translations.h"

#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fsd::ui {

void installTranslations(QCoreApplication &application)
{
    const QLocale locale;
    auto *qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    const QStringList folders = {
        QDir(QCoreApplication::applicationDirPath())
            .absoluteFilePath(QStringLiteral("../share/fsdirector/translations")),
        QStringLiteral(FSD_TRANSLATIONS_BUILD_DIR),
    };
    auto *translator = new QTranslator(&application);
    for (const QString &folder : folders) {
        if (translator->load(locale, QStringLiteral("fsdirector"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(translator);
            qCDebug(lcUi) << "Loaded translation" << translator->filePath();
            return;
        }
    }
    delete translator;
}

} // namespace fsd::ui
