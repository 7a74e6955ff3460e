using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraStudio.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TakeKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Takes",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Generation");

            // Every take made from another before kinds existed was a remix.
            migrationBuilder.Sql("UPDATE Takes SET Kind = 'Remix' WHERE ParentTakeId IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Takes");
        }
    }
}
