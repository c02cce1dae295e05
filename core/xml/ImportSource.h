// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/xml/PreprocessedText.h"
#include "core/xml/Preprocessor.h"

#include <QString>

namespace fsd::xml {

// Finds the files FreeSWITCH would read for an import path and preprocesses them in its
// order. A FreeSWITCH conf/ folder is read as freeswitch.xml reads it: vars.xml first, then
// directory/*.xml. A directory file or folder gets the vars.xml of the conf/ tree it sits in
// (the folder above its "directory" folder), when there is one.
class ImportSource
{
public:
    static Result<PreprocessedText> preprocessPath(const QString &path,
                                                   PreprocessOptions options);
    // Text sent over the API: includes are rejected and undefined $${name} stays verbatim.
    static Result<PreprocessedText> preprocessText(const QByteArray &text, const QString &label,
                                                   PreprocessOptions options);
    // The vars.xml of the conf/ tree that `folder` is in, or an empty string.
    static QString findVarsFile(const QString &folder);
};

} // namespace fsd::xml
