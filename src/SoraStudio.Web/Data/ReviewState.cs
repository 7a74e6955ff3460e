namespace SoraStudio.Web.Data;

public enum ReviewState
{
    Pending,
    Approved,
    ChangesRequested,
}
