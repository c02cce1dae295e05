// SPDX-License-Identifier: MPL-2.0
#include "core/xml/ImportSource.h"

#include <QDir>
#include <QFileInfo>

namespace fsd::xml {

namespace {

const QString VarsFile = QStringLiteral("vars.xml");
const QString DirectoryFolder = QStringLiteral("directory");

bool isConfFolder(const QDir &folder)
{
    return folder.exists(DirectoryFolder) && QFileInfo(folder.filePath(DirectoryFolder)).isDir();
}

} // namespace

QString ImportSource::findVarsFile(const QString &folder)
{
    QDir current(QFileInfo(folder).absoluteFilePath());
    while (true) {
        if (current.dirName() == DirectoryFolder) {
            QDir parent = current;
            if (parent.cdUp() && parent.exists(VarsFile))
                return parent.filePath(VarsFile);
        }
        if (!current.cdUp())
            return {};
    }
}

Result<PreprocessedText> ImportSource::preprocessPath(const QString &path,
                                                      PreprocessOptions options)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return ApiError::make(QStringLiteral("can't parse"),
                              QStringLiteral("%1 does not exist. Give a directory XML file or a "
                                             "FreeSWITCH conf/ folder.")
                                  .arg(path));
    }

    QString varsFile;
    QString folder;
    QByteArray pattern;
    if (info.isDir() && isConfFolder(QDir(info.absoluteFilePath()))) {
        folder = info.absoluteFilePath();
        if (QDir(folder).exists(VarsFile))
            varsFile = QDir(folder).filePath(VarsFile);
        pattern = "directory/*.xml";
        options.baseFolder = folder;
    } else if (info.isDir()) {
        folder = info.absoluteFilePath();
        varsFile = findVarsFile(folder);
        pattern = "*.xml";
        options.baseFolder = varsFile.isEmpty() ? folder : QFileInfo(varsFile).absolutePath();
    } else {
        varsFile = findVarsFile(info.absolutePath());
        options.baseFolder = varsFile.isEmpty() ? info.absolutePath()
                                                : QFileInfo(varsFile).absolutePath();
    }

    Preprocessor preprocessor(std::move(options));
    if (!varsFile.isEmpty()) {
        Status vars = preprocessor.addFile(varsFile);
        if (!vars)
            return vars.error();
    }
    Status added = pattern.isEmpty() ? preprocessor.addFile(info.absoluteFilePath())
                                     : preprocessor.addGlob(pattern, folder);
    if (!added)
        return added.error();
    return preprocessor.finish();
}

Result<PreprocessedText> ImportSource::preprocessText(const QByteArray &text, const QString &label,
                                                      PreprocessOptions options)
{
    options.allowIncludes = false;
    options.keepUndefined = true;
    Preprocessor preprocessor(std::move(options));
    Status added = preprocessor.addText(text, label);
    if (!added)
        return added.error();
    return preprocessor.finish();
}

} // namespace fsd::xml
