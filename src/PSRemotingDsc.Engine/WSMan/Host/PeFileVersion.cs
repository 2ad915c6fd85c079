using System.Buffers.Binary;
using System.Reflection.PortableExecutable;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Reads the file version (<c>VS_FIXEDFILEINFO.dwFileVersionMS/LS</c>) from a PE file's VERSIONINFO resource, on
/// any OS: PEReader finds the resource directory, a small walker follows type RT_VERSION (16) → first name → first
/// language → data entry, and the fixed info is located by its signature 0xFEEF04BD.
/// </summary>
public static class PeFileVersion
{
    private const int ResourceTypeVersion = 16;
    private const uint FixedFileInfoSignature = 0xFEEF04BD;
    private const int MaxResourceEntries = 4096;

    /// <summary>The file version, or null when the file is not a PE image or has no readable version resource.</summary>
    public static Version? TryRead(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return TryRead(reader);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    internal static Version? TryRead(PEReader reader)
    {
        if (reader.PEHeaders.PEHeader is not { } header)
        {
            return null;
        }

        DirectoryEntry resources = header.ResourceTableDirectory;
        if (resources.RelativeVirtualAddress == 0 || resources.Size == 0)
        {
            return null;
        }

        ReadOnlySpan<byte> root = Section(reader, resources.RelativeVirtualAddress);
        if (root.IsEmpty)
        {
            return null;
        }

        // Level 1: resource type; level 2: name; level 3: language. Offsets are relative to the directory root.
        if (FindEntry(root, 0, ResourceTypeVersion) is not int typeDirectory
            || FindEntry(root, typeDirectory, id: null) is not int nameDirectory
            || FindEntry(root, nameDirectory, id: null, wantLeaf: true) is not int dataEntry
            || dataEntry + 8 > root.Length)
        {
            return null;
        }

        int dataRva = BinaryPrimitives.ReadInt32LittleEndian(root[dataEntry..]);
        int dataSize = BinaryPrimitives.ReadInt32LittleEndian(root[(dataEntry + 4)..]);
        ReadOnlySpan<byte> data = Section(reader, dataRva);
        if (dataSize <= 0 || data.Length < dataSize)
        {
            return null;
        }

        data = data[..dataSize];
        for (int offset = 0; offset + 16 <= data.Length; offset += 4)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) == FixedFileInfoSignature)
            {
                uint ms = BinaryPrimitives.ReadUInt32LittleEndian(data[(offset + 8)..]);
                uint ls = BinaryPrimitives.ReadUInt32LittleEndian(data[(offset + 12)..]);
                return new Version((int)(ms >> 16), (int)(ms & 0xFFFF), (int)(ls >> 16), (int)(ls & 0xFFFF));
            }
        }

        return null;
    }

    private static unsafe ReadOnlySpan<byte> Section(PEReader reader, int rva)
    {
        PEMemoryBlock block = reader.GetSectionData(rva);
        return block.Length == 0 ? [] : new ReadOnlySpan<byte>(block.Pointer, block.Length);
    }

    /// <summary>
    /// The offset of the entry's target in the IMAGE_RESOURCE_DIRECTORY at <paramref name="directory"/>: the subdirectory
    /// (or, with <paramref name="wantLeaf"/>, the data entry) of the entry with <paramref name="id"/>, or of the first entry when id is null.
    /// </summary>
    private static int? FindEntry(ReadOnlySpan<byte> root, int directory, int? id, bool wantLeaf = false)
    {
        if (directory < 0 || directory + 16 > root.Length)
        {
            return null;
        }

        int named = BinaryPrimitives.ReadUInt16LittleEndian(root[(directory + 12)..]);
        int ids = BinaryPrimitives.ReadUInt16LittleEndian(root[(directory + 14)..]);
        int count = Math.Min(named + ids, MaxResourceEntries);
        for (int i = 0; i < count; i++)
        {
            int entry = directory + 16 + (i * 8);
            if (entry + 8 > root.Length)
            {
                return null;
            }

            uint nameOrId = BinaryPrimitives.ReadUInt32LittleEndian(root[entry..]);
            uint target = BinaryPrimitives.ReadUInt32LittleEndian(root[(entry + 4)..]);
            bool isNamed = (nameOrId & 0x80000000) != 0;
            if (id is int wanted && (isNamed || nameOrId != wanted))
            {
                continue;
            }

            bool isDirectory = (target & 0x80000000) != 0;
            if (isDirectory == wantLeaf)
            {
                return null;
            }

            return (int)(target & 0x7FFFFFFF);
        }

        return null;
    }
}
