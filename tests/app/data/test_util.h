#pragma once

// Small helpers shared by the app/data tests.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <zlib.h>

#include <string>
#include <vector>

namespace dlm::data::test {

inline QStringList toList(const std::vector<std::string>& values)
{
    QStringList list;
    for (const std::string& v : values)
        list << QString::fromStdString(v);
    return list;
}

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

inline bool writeGz(const QString& path, const QByteArray& content)
{
    gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
    if (file == nullptr)
        return false;
    const bool written = content.isEmpty()
                      || gzwrite(file, content.constData(), static_cast<unsigned>(content.size()))
                             == static_cast<int>(content.size());
    return gzclose(file) == Z_OK && written;
}

}  // namespace dlm::data::test
