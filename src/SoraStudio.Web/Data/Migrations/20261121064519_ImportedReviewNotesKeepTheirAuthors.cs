using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraStudio.Web.Data.Migrations
{
    /// <summary>Lets reviews and comments imported from an archive keep an author who has no account here. Its id keeps its first name, which databases record (docs/decisions/0012).</summary>
    public partial class ImportedReviewNotesKeepTheirAuthors : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedReviewerEmail",
                table: "TakeReviews",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedReviewerName",
                table: "TakeReviews",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorUserId",
                table: "TakeComments",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "ImportedAuthorEmail",
                table: "TakeComments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedAuthorName",
                table: "TakeComments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedReviewerEmail",
                table: "TakeReviews");

            migrationBuilder.DropColumn(
                name: "ImportedReviewerName",
                table: "TakeReviews");

            migrationBuilder.DropColumn(
                name: "ImportedAuthorEmail",
                table: "TakeComments");

            migrationBuilder.DropColumn(
                name: "ImportedAuthorName",
                table: "TakeComments");

            migrationBuilder.AlterColumn<string>(
                name: "AuthorUserId",
                table: "TakeComments",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
