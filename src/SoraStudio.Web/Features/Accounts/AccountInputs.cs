using System.ComponentModel.DataAnnotations;

namespace SoraStudio.Web.Features.Accounts;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    public bool Remember { get; set; }
}

public sealed class AccountInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(AccountService.MaxDisplayName, ErrorMessage = "A name holds at most 100 characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "A password has at least 10 characters.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    public NewAccount ToAccount() => new(DisplayName, Email, Password);
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "A password has at least 10 characters.")]
    public string New { get; set; } = "";

    [Compare(nameof(New), ErrorMessage = "The passwords differ.")]
    public string Confirm { get; set; } = "";
}
