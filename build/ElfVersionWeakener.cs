// Marks one "version needed" entry (.gnu.version_r Vernaux) of a 64-bit little-endian ELF shared library as weak
// (VER_FLG_WEAK), so that glibc's loader accepts the library when the host lacks that symbol version.
// Used by build/ILrg.targets (imported by Directory.Build.targets, shipped in the ILrg package as buildTransitive/)
// on the BUILD/PUBLISH OUTPUT copy of TorchSharp's libLibTorchSharp.so on hosts
// whose libstdc++ lacks GLIBCXX_3.4.32 (see README, "TorchSharp on Debian 12"). Never run it on the NuGet cache.
// The file compiles two ways: as an MSBuild inline task (RoslynCodeTaskFactory) and, with ELF_PATCHER_NO_TASK
// defined, as plain code inside the unit tests.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ILrg.Build
{
    /// <summary>Outcome of one patch attempt.</summary>
    public enum ElfPatchOutcome
    {
        /// <summary>The entry was strong and is now weak.</summary>
        Patched,
        /// <summary>The entry was already weak; the file was not written.</summary>
        AlreadyWeak,
        /// <summary>The library does not require that version; nothing to do.</summary>
        NotRequired,
    }

    /// <summary>Reads and edits the SHT_GNU_verneed section of an ELF64 LE file.</summary>
    public static class ElfVersionWeakener
    {
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>Marks <paramref name="versionName"/> weak in <paramref name="path"/>, in place, idempotently.</summary>
        public static ElfPatchOutcome Weaken(string path, string versionName)
        {
            byte[] image = File.ReadAllBytes(path);
            List<int> flagOffsets = FindVernauxFlagOffsets(image, versionName);
            if (flagOffsets.Count == 0)
            {
                return ElfPatchOutcome.NotRequired;
            }

            bool changed = false;
            foreach (int offset in flagOffsets)
            {
                ushort flags = BitConverter.ToUInt16(image, offset);
                if ((flags & VerFlagWeak) == 0)
                {
                    flags |= VerFlagWeak;
                    image[offset] = (byte)(flags & 0xff);
                    image[offset + 1] = (byte)(flags >> 8);
                    changed = true;
                }
            }

            if (!changed)
            {
                return ElfPatchOutcome.AlreadyWeak;
            }

            // Write beside, then replace: a crash mid-write must not leave a half-patched library.
            string temp = path + ".ilrg-patch.tmp";
            File.WriteAllBytes(temp, image);
            File.Delete(path);
            File.Move(temp, path);
            return ElfPatchOutcome.Patched;
        }

        /// <summary>True when <paramref name="path"/> requires <paramref name="versionName"/> without the weak flag.</summary>
        public static bool RequiresStrongly(string path, string versionName)
        {
            byte[] image = File.ReadAllBytes(path);
            foreach (int offset in FindVernauxFlagOffsets(image, versionName))
            {
                if ((BitConverter.ToUInt16(image, offset) & VerFlagWeak) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the shared library file at <paramref name="libraryPath"/> defines the version string.</summary>
        public static bool LibraryMentions(string libraryPath, string versionName)
        {
            byte[] haystack = File.ReadAllBytes(libraryPath);
            byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
            return IndexOf(haystack, needle) >= 0;
        }

        /// <summary>File offsets of the vna_flags fields of every Vernaux entry named <paramref name="versionName"/>.</summary>
        public static List<int> FindVernauxFlagOffsets(byte[] image, string versionName)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (image[4] != 2 || image[5] != 1)
            {
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
            }

            long shoff = (long)BitConverter.ToUInt64(image, 0x28);
            int shentsize = BitConverter.ToUInt16(image, 0x3A);
            int shnum = BitConverter.ToUInt16(image, 0x3C);
            if (shentsize < 64 || shoff <= 0 || shoff + (long)shnum * shentsize > image.Length)
            {
                throw new InvalidDataException("section header table lies outside the file");
            }

            var result = new List<int>();
            for (int s = 0; s < shnum; s++)
            {
                int sh = checked((int)(shoff + (long)s * shentsize));
                if (BitConverter.ToUInt32(image, sh + 4) != ShtGnuVerneed)
                {
                    continue;
                }

                long secOffset = (long)BitConverter.ToUInt64(image, sh + 24);
                long secSize = (long)BitConverter.ToUInt64(image, sh + 32);
                int link = (int)BitConverter.ToUInt32(image, sh + 40);
                int count = (int)BitConverter.ToUInt32(image, sh + 44);
                if (link >= shnum || secOffset + secSize > image.Length)
                {
                    throw new InvalidDataException(".gnu.version_r section lies outside the file");
                }

                int strSh = checked((int)(shoff + (long)link * shentsize));
                long strOffset = (long)BitConverter.ToUInt64(image, strSh + 24);
                long strSize = (long)BitConverter.ToUInt64(image, strSh + 32);
                long verneed = secOffset;
                for (int i = 0; i < count; i++)
                {
                    RequireInside(image, verneed, 16);
                    int auxCount = BitConverter.ToUInt16(image, (int)verneed + 2);
                    long aux = verneed + BitConverter.ToUInt32(image, (int)verneed + 8);
                    for (int j = 0; j < auxCount; j++)
                    {
                        RequireInside(image, aux, 16);
                        uint nameOffset = BitConverter.ToUInt32(image, (int)aux + 8);
                        if (nameOffset < strSize && NameEquals(image, strOffset + nameOffset, versionName))
                        {
                            result.Add((int)aux + 4);
                        }

                        uint nextAux = BitConverter.ToUInt32(image, (int)aux + 12);
                        if (nextAux == 0)
                        {
                            break;
                        }

                        aux += nextAux;
                    }

                    uint next = BitConverter.ToUInt32(image, (int)verneed + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    verneed += next;
                }
            }

            return result;
        }

        private static void RequireInside(byte[] image, long offset, int length)
        {
            if (offset < 0 || offset + length > image.Length)
            {
                throw new InvalidDataException("version-needed entry lies outside the file");
            }
        }

        private static bool NameEquals(byte[] image, long offset, string name)
        {
            if (offset + name.Length >= image.Length)
            {
                return false;
            }

            for (int k = 0; k < name.Length; k++)
            {
                if (image[offset + k] != (byte)name[k])
                {
                    return false;
                }
            }

            return image[offset + name.Length] == 0;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int k = 0;
                while (k < needle.Length && haystack[i + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }
    }

#if !ELF_PATCHER_NO_TASK
    /// <summary>MSBuild task: weakens <see cref="VersionName"/> in every file of <see cref="Libraries"/>.</summary>
    public class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
    {
        /// <summary>The output copies of the library to patch.</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <summary>The version name, e.g. GLIBCXX_3.4.32.</summary>
        [Microsoft.Build.Framework.Required]
        public string VersionName { get; set; } = string.Empty;

        /// <summary>Host libraries to look in; when any defines the version, nothing is patched.</summary>
        public string HostLibraries { get; set; } = string.Empty;

        /// <summary>Folder that must never be patched (the NuGet package cache).</summary>
        public string ForbiddenRoot { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            foreach (string host in HostLibraries.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(host) && ElfVersionWeakener.LibraryMentions(host, VersionName))
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                        "ILrg: host " + host + " provides " + VersionName + "; TorchSharp needs no patch.");
                    return true;
                }
            }

            foreach (var item in Libraries)
            {
                string path = Path.GetFullPath(item.ItemSpec);
                if (!File.Exists(path))
                {
                    continue;
                }

                if (ForbiddenRoot.Length > 0 && path.StartsWith(Path.GetFullPath(ForbiddenRoot), StringComparison.Ordinal))
                {
                    Log.LogError("ILrg: refusing to patch " + path + ": it lies in the NuGet cache.");
                    return false;
                }

                try
                {
                    ElfPatchOutcome outcome = ElfVersionWeakener.Weaken(path, VersionName);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                        "ILrg: " + path + ": " + VersionName + " " + outcome);
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                {
                    Log.LogError("ILrg: could not patch " + path + ": " + e.Message);
                    return false;
                }
            }

            return true;
        }
    }
#endif
}
