using System.Reflection;

namespace Wehelpen.Web.Features.Accounts.Passwords;

/// <summary>
/// The passwords that are tried first when someone guesses: SecLists' 10,000 most common (MIT, licence beside it)
/// and a short Dutch list of our own. Read once from the assembly; compared without regard to case.
/// </summary>
public sealed class CommonPasswords
{
    public const string ListResource = "Wehelpen.Web.common-passwords-10k.txt";
    public const string DutchResource = "Wehelpen.Web.common-passwords-nl.txt";

    private readonly HashSet<string> _passwords = new(StringComparer.OrdinalIgnoreCase);

    public CommonPasswords()
    {
        foreach (var resource in new[] { ListResource, DutchResource })
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The password list {resource} is not in the assembly.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Trim() is { Length: > 0 } password && !password.StartsWith('#')) _passwords.Add(password);
        }
    }

    public int Count => _passwords.Count;

    /// <summary>
    /// One of the list, also with only digits or signs around it: "Welkom2024!" and "Password123" are as easily
    /// guessed as "welkom" and "password", since guessers try those first.
    /// </summary>
    public bool Contains(string password)
    {
        var trimmed = password.Trim();
        if (_passwords.Contains(trimmed)) return true;
        var (start, end) = (0, trimmed.Length);
        while (start < end && !char.IsLetter(trimmed[start])) start++;
        while (end > start && !char.IsLetter(trimmed[end - 1])) end--;
        return end > start && end - start < trimmed.Length && _passwords.Contains(trimmed[start..end]);
    }
}
