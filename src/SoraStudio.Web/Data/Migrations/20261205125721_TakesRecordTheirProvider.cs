using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraStudio.Web.Data.Migrations
{
    /// <summary>
    /// Each take records the Videos API it was submitted to. Takes submitted before keep null: which provider the studio
    /// used then cannot be known here, and null counts as the studio's current provider.
    /// </summary>
    public partial class TakesRecordTheirProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "Takes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Provider",
                table: "Takes");
        }
    }
}
