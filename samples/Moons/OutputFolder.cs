namespace Micrograd.Samples.MoonsDemo;

/// <summary>Checks, before any work, that the sample can write its files into the output folder.</summary>
internal static class OutputFolder
{
    /// <summary>Creates <paramref name="folder"/> if needed and writes a file into it; returns what is wrong, in words, or null.</summary>
    public static string? Problem(string folder)
    {
        for (string? place = folder; place is not null; place = Path.GetDirectoryName(place))
        {
            if (File.Exists(place))
            {
                return place == folder ? "it is a file, not a folder." : $"'{place}' is a file, not a folder.";
            }

            if (Directory.Exists(place))
            {
                break;
            }
        }

        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied.";
        }
        catch (IOException error)
        {
            return "the folder cannot be created or written to (" + error.Message + ")";
        }
    }
}
