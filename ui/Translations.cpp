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
    const auto install = [&application, &folders](const QLocale &language) {
        auto *translator = new QTranslator(&application);
        for (const QString &folder : folders) {
            if (translator->load(language, QStringLiteral("fsdirector"), QStringLiteral("_"),
                                 folder)) {
                QCoreApplication::installTranslator(translator);
                qCDebug(lcUi) << "Loaded translation" << translator->filePath();
                return;
            }
        }
        delete translator;
    };
    // The English plural forms first, so that "%n user(s)" reads "1 user" in every language
    // without a translation of its own. Qt searches the translator installed last first.
    install(QLocale(QLocale::English));
    if (locale.language() != QLocale::English)
        install(locale);
}

} // namespace fsd::ui
