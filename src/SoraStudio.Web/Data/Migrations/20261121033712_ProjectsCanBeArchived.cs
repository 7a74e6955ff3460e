using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraStudio.Web.Data.Migrations
{
    /// <summary>Adds Projects.Archived. Its id keeps its first name, which databases record (docs/decisions/0012).</summary>
    public partial class ProjectsCanBeArchived : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Archived",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Archived",
                table: "Projects");
        }
    }
}
