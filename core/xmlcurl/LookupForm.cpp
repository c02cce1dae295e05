// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/LookupForm.h"

namespace fsd {

namespace {

// application/x-www-form-urlencoded: '+' is a space, %XX a byte; the bytes are UTF-8.
QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

} // namespace

LookupForm LookupForm::parse(const QByteArray &body)
{
    LookupForm form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            form.m_fields.append({decode(pair), QString()});
        else
            form.m_fields.append({decode(pair.left(equals)), decode(pair.mid(equals + 1))});
    }
    return form;
}

QString LookupForm::value(const QString &name) const
{
    for (auto it = m_fields.crbegin(); it != m_fields.crend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return {};
}

bool LookupForm::contains(const QString &name) const
{
    for (const auto &field : m_fields) {
        if (field.first == name)
            return true;
    }
    return false;
}

QString LookupForm::firstValue(const QString &name) const
{
    for (const auto &field : m_fields) {
        if (field.first == name)
            return field.second;
    }
    return {};
}

} // namespace fsd
