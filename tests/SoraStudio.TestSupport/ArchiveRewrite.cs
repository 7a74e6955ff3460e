using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SoraStudio.Web.Features.Export;

namespace SoraStudio.TestSupport;

/// <summary>Copies of a project archive with entries changed, added or broken: what a test imports to see it refused or read.</summary>
public static class ArchiveRewrite
{
    /// <summary>Each entry's bytes through <paramref name="edit"/> (name, bytes → new bytes), then <paramref name="add"/> appended.</summary>
    public static MemoryStream Rewrite(MemoryStream source, Func<string, byte[], byte[]> edit, params (string Name, byte[] Bytes)[] add)
    {
        source.Position = 0;
        var target = new MemoryStream();
        using (var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true))
        using (var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
                Write(output, entry.FullName, edit(entry.FullName, Read(entry)));
            foreach (var (name, bytes) in add)
                Write(output, name, bytes);
        }
        target.Position = 0;
        return target;
    }

    /// <summary>The archive with its manifest edited as JSON; every other entry as it was.</summary>
    public static MemoryStream EditManifest(MemoryStream source, Action<JsonObject> edit) =>
        Rewrite(source, (name, bytes) =>
        {
            if (name != ArchiveManifest.FileName)
                return bytes;
            var manifest = JsonNode.Parse(bytes)!.AsObject();
            edit(manifest);
            return Encoding.UTF8.GetBytes(manifest.ToJsonString());
        });

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var read = entry.Open();
        using var copy = new MemoryStream();
        read.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Write(ZipArchive archive, string name, byte[] bytes)
    {
        using var write = archive.CreateEntry(name).Open();
        write.Write(bytes);
    }
}
